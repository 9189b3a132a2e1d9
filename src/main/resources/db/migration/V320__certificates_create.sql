-- Certificates of attendance (issue #20, part 2). A certificate is issued to a named participant of an
-- event the first time it is printed and keeps what it says (name, event, dates, hours, organizer) from
-- then on, so the paper and the public verification page agree. Its code (128 random bits, base64url)
-- is the right to see it verified; a revoked certificate never verifies again, and printing the
-- participant's certificate after that issues a new one with a new code.
create table certificate (
    id              bigint generated always as identity primary key,
    code            varchar(32)   not null,
    event_id        bigint        not null references training_event (id) on delete cascade,
    -- a participant taken off the list takes their certificate with them: it no longer verifies
    participant_id  bigint        not null references event_participant (id) on delete cascade,
    full_name       varchar(300)  not null,
    title_kk        varchar(300)  not null,
    title_ru        varchar(300),
    starts_on       date          not null,
    ends_on         date          not null,
    academic_hours  numeric(5, 1) not null,
    organizer_kk    varchar(300)  not null,
    organizer_ru    varchar(300),
    issued_at       timestamptz   not null,
    issued_by       bigint        not null,
    revoked_at      timestamptz,
    revoked_by      bigint,
    constraint certificate_code_unique unique (code),
    constraint certificate_code_shape check (code ~ '^[A-Za-z0-9_-]{22,32}$'),
    constraint certificate_dates check (ends_on >= starts_on),
    constraint certificate_revoked_by check ((revoked_at is null) = (revoked_by is null))
);

-- one certificate in force per participant
create unique index certificate_in_force on certificate (participant_id) where revoked_at is null;
create index certificate_event_idx on certificate (event_id);

-- The language certificates are printed in: the event's (Kazakh unless the methodologist chooses
-- Russian), and a participant's own choice over it.
create table certificate_language (
    event_id       bigint     not null references training_event (id) on delete cascade,
    -- 0 stands for the whole event
    participant_id bigint     not null default 0,
    language       varchar(2) not null,
    primary key (event_id, participant_id),
    constraint certificate_language_known check (language in ('kk', 'ru'))
);

-- Lookups of the public verification page per client address and minute (the limit is in the
-- application's settings): one row per address, counted in place.
create unlogged table certificate_lookup_count (
    client  varchar(64) primary key,
    minute  bigint      not null,
    lookups integer     not null
);
