-- review.SetupLock: one row that a node's start-up set-up holds (select ... for update) while it creates what is
-- missing in the engine (filters, groups, grants, indexes), so two nodes started at once never do it together.
create table startup_lock (
    name varchar(64) not null,
    constraint pk_startup_lock primary key (name)
);
insert into startup_lock (name) values ('engine-setup');
