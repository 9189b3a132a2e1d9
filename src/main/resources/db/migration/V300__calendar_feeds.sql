-- kz.oqytu.calendar (issue #20, part 3, decision 0043): each union body's calendar feed at a secret
-- address. The secret is 256 random bits (43 URL-safe characters); it is kept readable so that the
-- portal can show the address again (the feed carries nothing the database does not), and looked up
-- by its SHA-256 digest, so no comparison runs over the secret itself. A new secret replaces the row's:
-- the old address stops at once.
create table calendar_feed (
    unit_id       bigint      primary key references org_unit (id),
    secret        varchar(64) not null,
    -- SHA-256 of the secret's UTF-8 bytes, written with it by the application: the lookup key
    secret_sha256 bytea       not null,
    created_at    timestamptz not null,
    -- who made the current secret (null: made when the address was first shown)
    created_by    bigint      references app_user (id),
    constraint calendar_feed_secret_long check (length(secret) >= 22)
);

create unique index calendar_feed_secret_idx on calendar_feed (secret_sha256);

-- Fetches of a feed per minute (the per-feed limit), as survey_submit_count: one row per feed,
-- overwritten when a new minute starts; unlogged, a crash loses at most a minute's counts.
create unlogged table calendar_fetch_count (
    unit_id bigint  primary key,
    minute  bigint  not null,
    fetches integer not null
);
