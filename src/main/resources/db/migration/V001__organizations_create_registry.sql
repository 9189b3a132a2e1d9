-- The tree of union bodies: the union (national), regional organizations, district and city
-- committees, primary organizations. Every node knows its materialized path ("/1/2/15/") so a
-- subtree is one indexed prefix match.
create extension if not exists pg_trgm;

create sequence org_unit_seq start with 1000 increment by 50;

create table org_unit (
    id             bigint primary key,
    parent_id      bigint references org_unit (id),
    level          varchar(16)  not null,
    committee_kind varchar(16),
    kind           varchar(24),
    name_kk        varchar(300) not null,
    name_ru        varchar(300),
    address        varchar(500),
    chair_name     varchar(200),
    chair_phone    varchar(50),
    chair_email    varchar(200),
    active         boolean      not null default true,
    path           varchar(200) not null,
    created_at     timestamptz  not null default now(),
    updated_at     timestamptz  not null default now(),
    version        integer      not null default 0,
    constraint org_unit_level_known check (level in ('NATIONAL', 'REGION', 'COMMITTEE', 'PRIMARY')),
    constraint org_unit_root_has_no_parent check ((level = 'NATIONAL') = (parent_id is null)),
    constraint org_unit_committee_kind check ((level = 'COMMITTEE') = (committee_kind is not null)
        and (committee_kind is null or committee_kind in ('DISTRICT', 'CITY'))),
    constraint org_unit_primary_kind check ((level = 'PRIMARY') = (kind is not null)
        and (kind is null or kind in ('SCHOOL', 'KINDERGARTEN', 'COLLEGE', 'UNIVERSITY', 'EXTRACURRICULAR',
                                      'MANAGEMENT', 'OTHER'))),
    constraint org_unit_path_shape check (path ~ '^(/[0-9]+)+/$')
);

create index org_unit_parent_idx on org_unit (parent_id);
create index org_unit_path_idx on org_unit (path text_pattern_ops);
create index org_unit_level_idx on org_unit (level, active);
create unique index org_unit_name_unique_per_parent on org_unit (parent_id, lower(name_kk));
create index org_unit_name_kk_trgm on org_unit using gin (lower(name_kk) gin_trgm_ops);
create index org_unit_name_ru_trgm on org_unit using gin (lower(name_ru) gin_trgm_ops);

-- Members of a primary organization on a date (the union counts on 1 January).
create sequence membership_snapshot_seq start with 1 increment by 50;

create table membership_snapshot (
    id          bigint primary key,
    org_unit_id bigint      not null references org_unit (id),
    as_of       date        not null,
    members     integer     not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     integer     not null default 0,
    constraint membership_members_not_negative check (members >= 0),
    constraint membership_unique_per_date unique (org_unit_id, as_of)
);

create index membership_snapshot_as_of_idx on membership_snapshot (as_of);

-- The path follows the parent: set on insert and whenever a node moves to another parent.
create function org_unit_set_path() returns trigger language plpgsql as $$
begin
    if new.parent_id is null then
        new.path := '/' || new.id || '/';
    else
        select p.path || new.id || '/' into new.path from org_unit p where p.id = new.parent_id;
    end if;
    return new;
end
$$;

create trigger org_unit_path_on_insert before insert on org_unit
    for each row when (new.path is null) execute function org_unit_set_path();

create trigger org_unit_path_on_move before update of parent_id on org_unit
    for each row when (new.parent_id is distinct from old.parent_id) execute function org_unit_set_path();
