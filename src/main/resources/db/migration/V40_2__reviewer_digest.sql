-- notify: reviewers' daily digest e-mails already sent (one per reviewer and Shanghai day, across app nodes).
create table notification_digest (
    id          bigint      auto_increment primary key,
    user_id     varchar(64) not null,                       -- Camunda user id of the reviewer
    digest_day  varchar(10) not null,                       -- yyyy-MM-dd in Asia/Shanghai
    task_count  int         not null,
    sent_at     datetime(6) not null,
    constraint uq_digest unique (user_id, digest_day)
);
