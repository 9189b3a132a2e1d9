create sequence app_user_seq start with 1 increment by 50;

create table app_user (
    id            bigint primary key,
    username      varchar(64)  not null,
    password_hash varchar(200) not null,
    full_name     varchar(200) not null,
    email         varchar(200),
    role          varchar(16)  not null,
    scope_unit_id bigint       not null references org_unit (id),
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now(),
    last_login_at timestamptz,
    version       integer      not null default 0,
    constraint app_user_role_known check (role in ('ADMIN', 'METHODOLOGIST', 'EXECUTIVE', 'CHAIR')),
    constraint app_user_username_shape check (username ~ '^[a-z0-9._-]{3,64}$')
);

create unique index app_user_username_unique on app_user (lower(username));
create index app_user_scope_idx on app_user (scope_unit_id);
