-- Spring Modulith's event publication registry (JDBC store, spring-modulith-events-jdbc 1.4): one row per event and
-- listener, written in the publishing transaction; completion_date is set when the listener succeeded. Rows still
-- incomplete are resubmitted (base.events.EventRetry). The table as Spring Modulith 1.4's schema-h2.sql has it
-- (the registry reads and writes its columns by these names; H2 stores the id as UUID). Schema initialisation by
-- Spring Modulith is off: Flyway owns the schema. db/vendor/{mysql,mariadb}/V79_1 is the same table.
create table if not exists EVENT_PUBLICATION
(
    ID               uuid                        not null,
    COMPLETION_DATE  timestamp(9) with time zone,
    EVENT_TYPE       varchar(512)                not null,
    LISTENER_ID      varchar(512)                not null,
    PUBLICATION_DATE timestamp(9) with time zone not null,
    SERIALIZED_EVENT varchar(4000)               not null,
    primary key (ID)
);
create index if not exists EVENT_PUBLICATION_BY_LISTENER_ID_AND_SERIALIZED_EVENT_IDX on EVENT_PUBLICATION (LISTENER_ID, SERIALIZED_EVENT);
create index if not exists EVENT_PUBLICATION_BY_COMPLETION_DATE_IDX on EVENT_PUBLICATION (COMPLETION_DATE);
