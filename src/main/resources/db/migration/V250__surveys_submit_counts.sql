-- kz.oqytu.surveys.domain.SubmitLimits (issue #17, decision 0037): the per-minute answer limits of a
-- survey and of a device, counted here so that every instance counts the same posts. One row per
-- survey or device, overwritten when a new minute starts; rows of past minutes are cleared out.
-- Unlogged: counts of a minute are not worth WAL, and a crash losing them lets a minute's posts in again.
create unlogged table survey_submit_count (
    kind    varchar(6)  not null check (kind in ('survey', 'device')),
    -- the survey's id or the device's UUID, as text
    subject varchar(36) not null,
    -- minutes since the epoch, on the application's clock
    minute  bigint      not null,
    posts   integer     not null,
    primary key (kind, subject)
);
