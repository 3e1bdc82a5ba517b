-- admin: every change of a district's deadlines, a personal extension or a "publish now",
-- with who, when, the values before and after, and what it did to the running cases.
create table admin_schedule_change (
    id                      bigint       auto_increment primary key,
    kind                    varchar(20)  not null,            -- SCHEDULE, EXTENSION, PUBLICATION
    district_code           varchar(2)   not null,
    candidate_id            bigint,                           -- EXTENSION only
    registration_no         varchar(32),                      -- EXTENSION only
    changed_by              varchar(64)  not null,
    changed_at              datetime(6)  not null,
    old_upload_start        datetime(6),
    old_upload_deadline     datetime(6),                      -- EXTENSION: the candidate's deadline before
    old_supplement_deadline datetime(6),
    old_results_publish_at  datetime(6),
    new_upload_start        datetime(6),
    new_upload_deadline     datetime(6),                      -- EXTENSION: the candidate's new deadline
    new_supplement_deadline datetime(6),
    new_results_publish_at  datetime(6),
    reason                  varchar(500),
    timers_moved            int          not null default 0,
    cases_reopened          int          not null default 0,
    verdicts_published      int          not null default 0,
    constraint fk_admin_schedule_change_district foreign key (district_code) references district (code),
    constraint fk_admin_schedule_change_candidate foreign key (candidate_id) references candidate (id)
);
create index ix_admin_schedule_change_district on admin_schedule_change (district_code, changed_at);
create index ix_admin_schedule_change_candidate on admin_schedule_change (candidate_id);
