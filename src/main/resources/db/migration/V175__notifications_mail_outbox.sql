-- The mail outbox (kz.oqytu.notifications, decision 0025): each message is written here in the
-- transaction of the change that caused it, already rendered, and a job sends it.
create table mail_outbox (
    id              bigserial primary key,
    kind            varchar(64)   not null,
    -- Reminders carry a key (kind, subject of the reminder, recipient, date) so one is never sent twice.
    dedup_key       varchar(300)  unique,
    recipient       varchar(320)  not null,
    locale          varchar(8)    not null,
    template        varchar(100)  not null,
    subject         varchar(500)  not null,
    body_text       text          not null,
    body_html       text          not null,
    user_id         bigint,
    status          varchar(16)   not null default 'PENDING'
                    check (status in ('PENDING', 'SENT', 'LOGGED', 'FAILED')),
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    last_error      varchar(2000),
    created_at      timestamptz   not null,
    sent_at         timestamptz
);

create index mail_outbox_due on mail_outbox (next_attempt_at) where status = 'PENDING';
create index mail_outbox_status_created on mail_outbox (status, created_at desc);

-- Files that go with a message: an inline image (the survey QR code) or an attachment.
create table mail_outbox_attachment (
    id           bigserial primary key,
    outbox_id    bigint        not null references mail_outbox (id) on delete cascade,
    file_name    varchar(200)  not null,
    content_type varchar(100)  not null,
    -- Set for an inline image: the HTML refers to it as cid:{content_id}.
    content_id   varchar(100),
    bytes        bytea         not null
);

create index mail_outbox_attachment_outbox on mail_outbox_attachment (outbox_id);
