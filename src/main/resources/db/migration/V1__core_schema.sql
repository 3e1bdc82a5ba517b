-- Core schema of Shencha. Portable between H2 (embedded default) and MySQL 8 / MariaDB.
-- Camunda's own tables (ACT_*) are created and migrated by the engine, not here.
-- Migration numbering by module so parallel work never collides:
--   V1 core, V10_x materials, V20_x review, V30_x admin, V40_x notify, V50_x candidate UI, V60_x benchmark.

create table district (
    code                varchar(2)   not null primary key,  -- NMEC province code: 12 Tianjin, 13 Hebei
    name                varchar(50)  not null,
    upload_start        datetime(6)  not null,
    upload_deadline     datetime(6)  not null,
    supplement_deadline datetime(6)  not null,
    results_publish_at  datetime(6)  not null,
    max_image_bytes     int          not null default 204800,
    version             bigint       not null default 0
);

create table exam_site (
    code          varchar(4)   not null primary key,        -- four digits, starting with the district code
    district_code varchar(2)   not null,
    name          varchar(100) not null,
    constraint fk_exam_site_district foreign key (district_code) references district (code)
);

create table candidate (
    id                       bigint       auto_increment primary key,
    registration_no          varchar(32)  not null,
    name                     varchar(50)  not null,
    id_number                varchar(18)  not null,
    phone                    varchar(20),
    exam_category            varchar(40)  not null,
    district_code            varchar(2)   not null,
    site_code                varchar(4)   not null,
    password_hash            varchar(100),
    activated_at             datetime(6),
    phase                    varchar(20)  not null,
    process_instance_id      varchar(64),
    submitted_at             datetime(6),
    locked_at                datetime(6),
    upload_deadline_override datetime(6),
    verdict                  varchar(10),
    verdict_reason           varchar(500),
    verdict_decided_at       datetime(6),
    verdict_published_at     datetime(6),
    created_at               datetime(6)  not null,
    version                  bigint       not null default 0,
    constraint uq_candidate_registration_no unique (registration_no),
    constraint fk_candidate_district foreign key (district_code) references district (code),
    constraint fk_candidate_site foreign key (site_code) references exam_site (code)
);
create index ix_candidate_district_phase on candidate (district_code, phase);
create index ix_candidate_site_phase on candidate (site_code, phase);

create table material_type (
    id            bigint        auto_increment primary key,
    district_code varchar(2)    not null,
    code          varchar(40)   not null,
    name          varchar(100)  not null,
    name_en       varchar(100)  not null,
    description   varchar(1000) not null,
    example_image varchar(200),
    min_count     int           not null,
    max_count     int           not null,
    sort_order    int           not null,
    constraint uq_material_type_code unique (district_code, code),
    constraint fk_material_type_district foreign key (district_code) references district (code)
);

-- Which exam categories (as the registration system names them) must provide a material type.
create table material_requirement (
    material_type_id bigint      not null,
    exam_category    varchar(40) not null,
    primary key (material_type_id, exam_category),
    constraint fk_material_requirement_type foreign key (material_type_id) references material_type (id)
);

-- One uploaded image. active_slot is the slot while the image is current and NULL once it is replaced,
-- so the unique key lets exactly one upload win a slot, however many race for it.
create table material_image (
    id                  bigint       auto_increment primary key,
    candidate_id        bigint       not null,
    material_type_id    bigint       not null,
    active_slot         int,
    state               varchar(10)  not null,               -- ACTIVE or REPLACED
    storage_key         varchar(100) not null,
    content_type        varchar(20)  not null,
    size_bytes          int          not null,
    original_size_bytes int          not null,
    width               int          not null,
    height              int          not null,
    sha256              varchar(64)  not null,
    uploaded_at         datetime(6)  not null,
    submitted           boolean      not null default false, -- was part of a submission: never purged
    replaced_at         datetime(6),
    replaced_reason     varchar(500),
    replaced_by_decision_id bigint,
    version             bigint       not null default 0,
    constraint uq_material_image_slot unique (candidate_id, material_type_id, active_slot),
    constraint fk_material_image_candidate foreign key (candidate_id) references candidate (id),
    constraint fk_material_image_type foreign key (material_type_id) references material_type (id)
);
create index ix_material_image_sha256 on material_image (sha256);

create table review_decision (
    id           bigint       auto_increment primary key,
    candidate_id bigint       not null,
    level        varchar(10)  not null,                      -- SITE or DISTRICT
    decision     varchar(12)  not null,                      -- PASS, APPROVE, SUPPLEMENT, REJECT
    reason       varchar(500),
    reviewer     varchar(64)  not null,
    task_id      varchar(64),
    decided_at   datetime(6)  not null,
    supplement_answered_at datetime(6),                      -- resubmission after a SUPPLEMENT
    supplement_expired_at  datetime(6),                      -- no response by the supplement deadline
    constraint fk_review_decision_candidate foreign key (candidate_id) references candidate (id)
);
create index ix_review_decision_candidate on review_decision (candidate_id, decided_at);

create table review_material_verdict (
    id               bigint      auto_increment primary key,
    decision_id      bigint      not null,
    material_type_id bigint      not null,
    verdict          varchar(10) not null,                   -- OK or REPLACE
    reason           varchar(500),
    constraint fk_verdict_decision foreign key (decision_id) references review_decision (id),
    constraint fk_verdict_material_type foreign key (material_type_id) references material_type (id)
);

-- A material a reviewer unlocked for replacement; open while closed_at is NULL.
create table material_unlock (
    id               bigint       auto_increment primary key,
    candidate_id     bigint       not null,
    material_type_id bigint       not null,
    decision_id      bigint       not null,
    reason           varchar(500),
    opened_at        datetime(6)  not null,
    closed_at        datetime(6),
    constraint fk_unlock_candidate foreign key (candidate_id) references candidate (id),
    constraint fk_unlock_type foreign key (material_type_id) references material_type (id),
    constraint fk_unlock_decision foreign key (decision_id) references review_decision (id)
);
create index ix_material_unlock_candidate on material_unlock (candidate_id, closed_at);

-- In-app messages: the candidate's message list and the feedback banner.
create table candidate_message (
    id           bigint        auto_increment primary key,
    candidate_id bigint        not null,
    kind         varchar(30)   not null,
    title        varchar(200)  not null,
    body         varchar(2000) not null,
    created_at   datetime(6)   not null,
    read_at      datetime(6),
    constraint fk_message_candidate foreign key (candidate_id) references candidate (id)
);
create index ix_candidate_message_candidate on candidate_message (candidate_id, created_at);
