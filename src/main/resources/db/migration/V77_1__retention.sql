-- retention: personal data is kept only as long as its purpose needs (PIPL art. 19 and 47). Per district, a
-- period after a season's results are published; then a purge deletes the season's image files and blanks ID
-- numbers, phone numbers, message texts and delivery addresses. Counts, verdicts, registration numbers and who
-- decided what and when stay. docs/admin.md, "Retention".

-- The administrator's retention period per district; no row: the default (180 days).
create table retention_setting (
    district_code  varchar(2)  not null primary key,
    retention_days int         not null,
    updated_by     varchar(64) not null,
    updated_at     datetime(6) not null,
    constraint fk_retention_setting_district foreign key (district_code) references district (code)
);

-- A hold keeps one candidate's data past the period (an appeal, a dispute); active while released_at is NULL.
create table retention_hold (
    id             bigint       auto_increment primary key,
    candidate_id   bigint       not null,
    reason         varchar(500) not null,
    held_by        varchar(64)  not null,
    held_at        datetime(6)  not null,
    released_by    varchar(64),
    released_at    datetime(6),
    release_reason varchar(500),
    constraint fk_retention_hold_candidate foreign key (candidate_id) references candidate (id)
);
create index ix_retention_hold_candidate on retention_hold (candidate_id, released_at);

-- One purge of a season's district: the audit record (never deleted). RUNNING until every candidate due was done;
-- a purge interrupted (a node killed) stays RUNNING and the next run continues it.
create table retention_purge (
    id                bigint      auto_increment primary key,
    season_code       varchar(4)  not null,
    district_code     varchar(2)  not null,
    retention_days    int         not null,
    published_at      datetime(6) not null,
    due_at            datetime(6) not null,
    state             varchar(10) not null,              -- RUNNING, DONE
    started_by        varchar(64) not null,              -- an administrator, or 'scheduler'
    started_at        datetime(6) not null,
    finished_at       datetime(6),
    candidates        int         not null default 0,
    images            int         not null default 0,
    messages          int         not null default 0,
    notifications     int         not null default 0,
    deliveries        int         not null default 0,
    contacts          int         not null default 0,
    process_instances int         not null default 0,
    held              int         not null default 0,    -- left out for a hold
    running           int         not null default 0,    -- left out: the case had not ended
    constraint fk_retention_purge_season foreign key (season_code) references exam_season (code),
    constraint fk_retention_purge_district foreign key (district_code) references district (code)
);
create index ix_retention_purge_season on retention_purge (season_code, district_code, state);

-- A purged candidate: when, by which purge, and the salted hash (HMAC-SHA-256) of the ID number it had, so that
-- the same person registering again is still recognised (earlier verdicts) without the number being kept.
alter table candidate add column purged_at datetime(6);
alter table candidate add column purge_id bigint;
alter table candidate add column id_number_hash varchar(64);
create index ix_candidate_id_number_hash on candidate (id_number_hash);

-- An image whose file was (or is being) deleted by a purge: marked in its own transaction before the file goes,
-- so no row ever points at a missing file as if it were there.
alter table material_image add column purged_at datetime(6);

-- The key of the ID-number hashes when RETENTION_HASH_KEY is not set: made once, at the first use.
create table retention_key (
    id       int         not null primary key,
    hash_key varchar(64) not null
);
