-- Every primary organization runs a school of union training with its own annual plan: topic,
-- month, form, planned participants, and whether each item was held (date, participants).
create sequence school_plan_seq start with 1 increment by 50;

create table school_plan (
    id              bigint primary key,
    organization_id bigint      not null references org_unit (id),
    year            integer     not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    updated_by      varchar(64),
    version         integer     not null default 0,
    constraint school_plan_one_per_organization_and_year unique (organization_id, year),
    constraint school_plan_year_range check (year between 2000 and 2100)
);

create sequence school_plan_item_seq start with 1 increment by 50;

create table school_plan_item (
    id                   bigint primary key,
    school_plan_id       bigint       not null references school_plan (id) on delete cascade,
    topic                varchar(500) not null,
    topic_code           varchar(32) references training_topic (code),
    month                integer      not null,
    form_code            varchar(32)  not null references training_form (code),
    planned_participants integer,
    held                 boolean      not null default false,
    held_on              date,
    participants         integer,
    notes                varchar(1000),
    created_at           timestamptz  not null default now(),
    updated_at           timestamptz  not null default now(),
    updated_by           varchar(64),
    version              integer      not null default 0,
    constraint school_plan_item_month_range check (month between 1 and 12),
    constraint school_plan_item_counts check (planned_participants >= 0 and participants >= 0),
    constraint school_plan_item_held_has_date check (held = (held_on is not null)),
    constraint school_plan_item_counts_when_held check (held or participants is null)
);

create index school_plan_item_plan_idx on school_plan_item (school_plan_id, month);
