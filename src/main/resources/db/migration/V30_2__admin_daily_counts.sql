-- admin: the dashboard's history, one row per day, exam site and case status (written each evening).
create table admin_daily_count (
    id            bigint      auto_increment primary key,
    snapshot_date date        not null,
    district_code varchar(2)  not null,
    site_code     varchar(4)  not null,
    status        varchar(20) not null,
    candidates    int         not null,
    constraint uq_admin_daily_count unique (snapshot_date, site_code, status)
);
create index ix_admin_daily_count_district on admin_daily_count (district_code, snapshot_date);
