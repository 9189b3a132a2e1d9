-- The regional annual training plan: one per union body (the regional organization) and year,
-- approved by the executive committee (meeting date and protocol number), its items and their
-- execution through the training events that carry them out, and the year-end review whose
-- corrections are carried into the next year's plan.
create sequence training_plan_seq start with 1 increment by 50;

create table training_plan (
    id                  bigint primary key,
    org_unit_id         bigint        not null references org_unit (id),
    year                integer       not null,
    approved_on         date,
    protocol_number     varchar(50),
    review_shortcomings varchar(4000),
    review_corrections  varchar(4000),
    reviewed_at         timestamptz,
    reviewed_by         varchar(64),
    copied_from_plan_id bigint references training_plan (id),
    -- the corrections of the previous year's review this plan was started with
    carried_corrections varchar(4000),
    created_at          timestamptz   not null default now(),
    updated_at          timestamptz   not null default now(),
    updated_by          varchar(64),
    version             integer       not null default 0,
    constraint training_plan_one_per_body_and_year unique (org_unit_id, year),
    constraint training_plan_year_range check (year between 2000 and 2100),
    constraint training_plan_approval_whole check ((approved_on is null) = (protocol_number is null))
);

create sequence plan_item_seq start with 1 increment by 50;

create table plan_item (
    id                   bigint primary key,
    plan_id              bigint        not null references training_plan (id) on delete cascade,
    position             integer       not null,
    title_kk             varchar(500)  not null,
    title_ru             varchar(500),
    form_code            varchar(32)   not null references training_form (code),
    -- a month, or a quarter, or neither (during the year)
    month                integer,
    quarter              integer,
    planned_participants integer,
    responsible          varchar(300),
    notes                varchar(2000),
    -- the year-end review: keep the item in next year's plan, and what to change in it
    carry_over           boolean       not null default true,
    review_note          varchar(1000),
    -- the review note of the item this one was copied from
    correction           varchar(1000),
    copied_from_item_id  bigint references plan_item (id) on delete set null,
    created_at           timestamptz   not null default now(),
    updated_at           timestamptz   not null default now(),
    version              integer       not null default 0,
    constraint plan_item_month_or_quarter check (month is null or quarter is null),
    constraint plan_item_month_range check (month between 1 and 12),
    constraint plan_item_quarter_range check (quarter between 1 and 4),
    constraint plan_item_planned_not_negative check (planned_participants >= 0)
);

create index plan_item_plan_idx on plan_item (plan_id, position);

create table plan_item_topic (
    item_id    bigint      not null references plan_item (id) on delete cascade,
    topic_code varchar(32) not null references training_topic (code),
    primary key (item_id, topic_code)
);

create table plan_item_category (
    item_id       bigint      not null references plan_item (id) on delete cascade,
    category_code varchar(32) not null references participant_category (code),
    primary key (item_id, category_code)
);

-- Target district or city committees and primary organizations of an item.
create table plan_item_target (
    item_id bigint not null references plan_item (id) on delete cascade,
    unit_id bigint not null references org_unit (id),
    primary key (item_id, unit_id)
);

-- Which events carry out an item. An event carries at most one item, so no participant is
-- counted twice in a plan's execution. The training module's tables are not changed.
create table plan_item_event (
    event_id     bigint      primary key references training_event (id) on delete cascade,
    plan_item_id bigint      not null references plan_item (id) on delete cascade,
    linked_at    timestamptz not null default now(),
    linked_by    varchar(64)
);

create index plan_item_event_item_idx on plan_item_event (plan_item_id);
