-- admin: candidate search by ID number and by name.
create index ix_candidate_id_number on candidate (id_number);
create index ix_candidate_name on candidate (name);
