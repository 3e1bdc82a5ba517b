-- review: a case's process state moves from candidate into the review module's own table (issue 16). One row per
-- candidate whose review process was started (review.CandidateProcessStarter creates it with the process), written
-- only by the review module; other modules read it through exam.CaseStates or join it in read-only set queries.
create table review_case (
    candidate_id         bigint       not null primary key,
    phase                varchar(20)  not null,
    process_instance_id  varchar(64),
    submitted_at         datetime(6),
    locked_at            datetime(6),
    verdict              varchar(10),
    verdict_reason       varchar(500),
    verdict_decided_at   datetime(6),
    verdict_published_at datetime(6),
    version              bigint       not null default 0,
    constraint fk_review_case_candidate foreign key (candidate_id) references candidate (id)
);

-- Every candidate has had its case since the import started the process in the same transaction; the backfill
-- copies them all as they are.
insert into review_case (candidate_id, phase, process_instance_id, submitted_at, locked_at, verdict, verdict_reason,
                         verdict_decided_at, verdict_published_at, version)
select id, phase, process_instance_id, submitted_at, locked_at, verdict, verdict_reason,
       verdict_decided_at, verdict_published_at, 0
from candidate;

-- The indexes the columns had on candidate (V1, V60_1, V73_1): a case by its process instance, the cases in a phase.
-- The district and site lists keep their candidate indexes without the phase (the join reaches review_case by its
-- primary key); MySQL needs an index on each foreign key column before the old ones go.
create index ix_review_case_process_instance on review_case (process_instance_id);
create index ix_review_case_phase on review_case (phase);
create index ix_candidate_district on candidate (district_code);
create index ix_candidate_site on candidate (site_code);
drop index ix_candidate_district_phase on candidate;
drop index ix_candidate_site_phase on candidate;
drop index ix_candidate_season_district on candidate;
create index ix_candidate_season_district on candidate (season_code, district_code);
drop index ix_candidate_process_instance on candidate;

alter table candidate drop column phase;
alter table candidate drop column process_instance_id;
alter table candidate drop column submitted_at;
alter table candidate drop column locked_at;
alter table candidate drop column verdict;
alter table candidate drop column verdict_reason;
alter table candidate drop column verdict_decided_at;
alter table candidate drop column verdict_published_at;
