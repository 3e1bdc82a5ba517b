-- notify: the outbox. A notification is written in the same transaction as the change that causes it
-- (so a rollback leaves nothing to send); a dispatcher then delivers it through each channel, one
-- notification_delivery row per notification and channel, claimed with a lease so that exactly one
-- app node sends it.

create table notification (
    id              bigint        auto_increment primary key,
    idempotency_key varchar(36)   not null,                 -- sent to gateways; a retry reuses it
    candidate_id    bigint        not null,
    kind            varchar(30)   not null,
    params          varchar(4000) not null,                 -- JSON array of the template's arguments
    title           varchar(200)  not null,                 -- rendered in Chinese when written
    body            varchar(2000) not null,
    message_id      bigint,                                 -- the in-app candidate_message
    created_at      datetime(6)   not null,
    constraint uq_notification_key unique (idempotency_key),
    constraint fk_notification_candidate foreign key (candidate_id) references candidate (id),
    constraint fk_notification_message foreign key (message_id) references candidate_message (id)
);
create index ix_notification_candidate on notification (candidate_id, created_at);
create index ix_notification_message on notification (message_id);

create table notification_delivery (
    id              bigint        auto_increment primary key,
    notification_id bigint        not null,
    channel         varchar(10)   not null,                 -- IN_APP, SMS, EMAIL, WECHAT
    recipient       varchar(200),                           -- phone, e-mail address or WeChat openid
    state           varchar(10)   not null,                 -- QUEUED, SENT, DELIVERED, FAILED, DEAD
    attempts        int           not null default 0,
    generation      int           not null default 0,       -- bumped by a deliberate resend of an accepted message
    next_attempt_at datetime(6),
    claimed_by      varchar(100),
    claimed_until   datetime(6),
    last_attempt_at datetime(6),
    last_error      varchar(1000),
    sent_at         datetime(6),
    delivered_at    datetime(6),
    gateway_ref     varchar(100),                           -- the gateway's message id, for delivery reports
    constraint uq_delivery_channel unique (notification_id, channel),
    constraint fk_delivery_notification foreign key (notification_id) references notification (id)
);
create index ix_delivery_due on notification_delivery (state, next_attempt_at);
create index ix_delivery_gateway_ref on notification_delivery (channel, gateway_ref);

-- Upload-deadline reminders already sent, so that none is sent twice (also across app nodes).
create table notification_reminder (
    id              bigint      auto_increment primary key,
    candidate_id    bigint      not null,
    lead_hours      int         not null,                   -- 48 or 6
    deadline        datetime(6) not null,                   -- the effective upload deadline it was sent for
    sent_at         datetime(6) not null,
    notification_id bigint      not null,
    constraint uq_reminder unique (candidate_id, lead_hours, deadline),
    constraint fk_reminder_candidate foreign key (candidate_id) references candidate (id),
    constraint fk_reminder_notification foreign key (notification_id) references notification (id)
);
create index ix_reminder_candidate on notification_reminder (candidate_id, lead_hours, sent_at);

-- Where to reach a candidate besides the phone of the registration: e-mail and the WeChat openid.
create table notification_contact (
    candidate_id   bigint       not null primary key,
    email          varchar(200),
    wechat_open_id varchar(64),
    updated_at     datetime(6)  not null,
    constraint fk_contact_candidate foreign key (candidate_id) references candidate (id)
);
