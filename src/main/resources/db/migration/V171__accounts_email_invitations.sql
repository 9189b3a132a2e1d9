-- Accounts for real people (issue #18): an email address per account, unique whatever its case, and
-- an account may have no password yet (invited, not accepted). Earlier duplicates keep the address
-- on the oldest account only; the audit trail keeps the removed ones.
update app_user u set email = null
 where u.email is not null
   and exists (select 1 from app_user o where lower(o.email) = lower(u.email) and o.id < u.id);

update app_user set email = null where email is not null and btrim(email) = '';

create unique index app_user_email_unique on app_user (lower(email));

alter table app_user alter column password_hash drop not null;

-- Single-use links: an invitation (7 days) or a password reset (1 hour). Only a SHA-256 of the token
-- is kept; the token itself lives in the mail alone. A resend or a revoke ends earlier links.
create table account_link (
    id          bigserial primary key,
    user_id     bigint       not null references app_user (id) on delete cascade,
    purpose     varchar(16)  not null,
    token_hash  char(64)     not null,
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    used_at     timestamptz,
    revoked_at  timestamptz,
    constraint account_link_purpose_known check (purpose in ('INVITATION', 'RESET'))
);

create unique index account_link_token_unique on account_link (token_hash);
create index account_link_user_idx on account_link (user_id, purpose, created_at);

-- "Forgot password" requests by client address, to stop the form being used to send mail in bulk.
create table account_reset_request (
    id             bigserial primary key,
    client_address varchar(64) not null,
    requested_at   timestamptz not null
);

create index account_reset_request_idx on account_reset_request (client_address, requested_at);
