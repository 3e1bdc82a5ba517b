-- Spring Modulith's event publication registry (JDBC store, spring-modulith-events-jdbc 1.4): one row per event and
-- listener, written in the publishing transaction; COMPLETION_DATE is set when the listener succeeded. Rows still
-- incomplete are resubmitted (base.events.EventRetry). The table as Spring Modulith 1.4's schema-mysql.sql (and
-- schema-mariadb.sql, the same) has it; the name is upper case because the registry's SQL says EVENT_PUBLICATION
-- and MySQL/MariaDB table names are case-sensitive on Linux. Schema initialisation by Spring Modulith is off.
create table if not exists EVENT_PUBLICATION
(
    ID               varchar(36)   not null,
    LISTENER_ID      varchar(512)  not null,
    EVENT_TYPE       varchar(512)  not null,
    SERIALIZED_EVENT varchar(4000) not null,
    PUBLICATION_DATE timestamp(6)  not null,
    COMPLETION_DATE  timestamp(6)  default null null,
    primary key (ID),
    index EVENT_PUBLICATION_BY_COMPLETION_DATE_IDX (COMPLETION_DATE)
);
