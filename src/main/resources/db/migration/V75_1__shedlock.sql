-- base.cluster: ShedLock's table (JDBC provider). One row per periodic task that runs once per cluster (upload
-- reminders, reviewers' digest, image sweeper, daily snapshots): the node that holds it runs the task until
-- lock_until (database time, UTC); the others skip their tick.
create table shedlock (
    name       varchar(64)  not null,
    lock_until datetime(3)  not null,
    locked_at  datetime(3)  not null,
    locked_by  varchar(255) not null,
    constraint pk_shedlock primary key (name)
);
