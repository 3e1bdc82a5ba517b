-- District set-up: every change of a district's material catalog, for the audit trail (never updated).
create table catalog_change (
    id            bigint        auto_increment primary key,
    district_code varchar(2)    not null,
    type_code     varchar(40)   not null,
    action        varchar(10)   not null,                -- CREATED, UPDATED, EXAMPLE
    changed_by    varchar(64)   not null,
    changed_at    datetime(6)   not null,
    before_value  varchar(3000),
    after_value   varchar(3000) not null
);
create index ix_catalog_change_district on catalog_change (district_code, changed_at);
