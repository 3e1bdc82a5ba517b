-- materials: an unlock closed by the supplement deadline (no resubmission) rather than by the candidate's
-- resubmission, so the candidate is told why the materials are locked (SUPPLEMENT_DEADLINE_PASSED, not SUBMITTED).
alter table material_unlock add column expired boolean default false not null;
