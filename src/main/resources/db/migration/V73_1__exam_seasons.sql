-- Exam seasons (考试年度): a season owns each district's schedule, its material catalog, its candidates and
-- their cases. The existing data moves into a first season, named for the year of its upload deadline in
-- Asia/Shanghai (the instants are stored in UTC), or 2026 on an empty database.
create table exam_season (
    code       varchar(4)   not null primary key,       -- the exam year: 2026
    name       varchar(100) not null,                   -- 2026年医师资格考试
    opened_at  datetime(6)  not null,
    opened_by  varchar(64)  not null,
    closed_at  datetime(6),                             -- closed: no longer the current season
    closed_by  varchar(64),
    version    bigint       not null default 0
);

insert into exam_season (code, name, opened_at, opened_by)
select s.code, concat(s.code, '年医师资格考试'), current_timestamp, 'migration'
from (select concat('', coalesce(min(year(timestampadd(hour, 8, upload_deadline))), 2026)) as code from district) s;

-- The schedule is per season and district; the old district columns move here.
create table season_schedule (
    id                  bigint      auto_increment primary key,
    season_code         varchar(4)  not null,
    district_code       varchar(2)  not null,
    upload_start        datetime(6) not null,
    upload_deadline     datetime(6) not null,
    supplement_deadline datetime(6) not null,
    results_publish_at  datetime(6) not null,
    version             bigint      not null default 0,
    constraint uq_season_schedule unique (season_code, district_code),
    constraint fk_season_schedule_season foreign key (season_code) references exam_season (code),
    constraint fk_season_schedule_district foreign key (district_code) references district (code)
);
create index ix_season_schedule_district on season_schedule (district_code);

insert into season_schedule (season_code, district_code, upload_start, upload_deadline, supplement_deadline,
                             results_publish_at)
select (select min(code) from exam_season), code, upload_start, upload_deadline, supplement_deadline, results_publish_at
from district;

alter table district drop column upload_start;
alter table district drop column upload_deadline;
alter table district drop column supplement_deadline;
alter table district drop column results_publish_at;

-- The catalog is per season: the same type code again in the next season.
alter table material_type add column season_code varchar(4) not null default '';
update material_type set season_code = (select min(code) from exam_season);
create index ix_material_type_district on material_type (district_code);
alter table material_type drop constraint uq_material_type_code;
alter table material_type add constraint uq_material_type_season_code unique (season_code, district_code, code);
alter table material_type add constraint fk_material_type_season foreign key (season_code) references exam_season (code);

-- A registration number is unique within its season: a candidate of two years has two rows (two cases).
alter table candidate add column season_code varchar(4) not null default '';
update candidate set season_code = (select min(code) from exam_season);
alter table candidate drop constraint uq_candidate_registration_no;
alter table candidate add constraint uq_candidate_season_registration_no unique (season_code, registration_no);
alter table candidate add constraint fk_candidate_season foreign key (season_code) references exam_season (code);
create index ix_candidate_season_district on candidate (season_code, district_code, phase);

-- The audit trails say which season a change was made in.
alter table admin_schedule_change add column season_code varchar(4);
update admin_schedule_change set season_code = (select min(code) from exam_season);
alter table catalog_change add column season_code varchar(4);
update catalog_change set season_code = (select min(code) from exam_season);

-- Opening a season, closing one: who and when (never updated).
create table season_change (
    id          bigint       auto_increment primary key,
    season_code varchar(4)   not null,
    action      varchar(10)  not null,                  -- OPENED, CLOSED, RENAMED
    from_season varchar(4),                             -- OPENED: the season whose catalog and schedule were copied
    changed_by  varchar(64)  not null,
    changed_at  datetime(6)  not null,
    detail      varchar(2000),
    constraint fk_season_change_season foreign key (season_code) references exam_season (code)
);
