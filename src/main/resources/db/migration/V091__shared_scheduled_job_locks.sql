-- ShedLock: a scheduled job takes this lock so it runs on one instance only.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);

-- What the scheduled jobs did, for operators (and for the test that a job ran once).
create table job_run (
    id          bigserial primary key,
    job         varchar(64)  not null,
    instance    varchar(255) not null,
    started_at  timestamptz  not null default now(),
    detail      varchar(500)
);
