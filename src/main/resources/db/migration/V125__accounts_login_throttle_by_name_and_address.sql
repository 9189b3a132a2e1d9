-- Login throttling rebuilt (issue #15): one row per account name and one per client address. A try is
-- counted under the row's lock *before* its password is checked, so parallel guesses cannot slip
-- past the count; a successful sign-in gives its try back. The old per-name rows are only minutes of
-- state and are dropped.
--   account: five tries free, then each further try waits twice as long as the one before, from 1 s
--            up to 15 minutes (never a hard lock); the count starts again a day after its first try.
--   address: at most 30 unsuccessful tries in a 15-minute window (a seminar room's staff logins fit).
-- Column names stay as in V092, so the nightly housekeeping's delete (first try over a day ago and no
-- wait pending) still applies.
drop table login_throttle;

create table login_throttle (
    kind             varchar(8)  not null check (kind in ('account', 'address')),
    subject          varchar(64) not null,
    -- tries that failed, or are being checked right now
    failures         integer     not null check (failures >= 0),
    -- start of the counting window
    first_failure_at timestamptz not null,
    -- no try is checked before this instant
    locked_until     timestamptz,
    primary key (kind, subject)
);
