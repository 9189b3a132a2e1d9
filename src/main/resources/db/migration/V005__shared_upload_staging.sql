-- Uploaded files between preview and commit. Kept in the database (not in a session or on disk)
-- so any instance can finish an import another one started; old rows are purged.
create table upload_staging (
    id          uuid primary key,
    kind        varchar(40)  not null,
    owner       varchar(64)  not null,
    filename    varchar(255) not null,
    content     bytea        not null,
    created_at  timestamptz  not null default now()
);

create index upload_staging_created_idx on upload_staging (created_at);
