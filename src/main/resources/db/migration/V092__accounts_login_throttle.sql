-- Failed sign-ins per account name (known or not): after five within fifteen minutes the name is
-- locked for fifteen minutes, so guessing stays far below a hundred tries an hour and a real user
-- waits minutes, never forever.
create table login_throttle (
    username         varchar(64) primary key,
    failures         integer     not null,
    first_failure_at timestamptz not null,
    locked_until     timestamptz
);
