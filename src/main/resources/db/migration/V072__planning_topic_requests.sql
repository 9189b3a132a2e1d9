-- Training requests from the primary organizations ("bottom-up"): what they want to be trained
-- in, and what the methodologist decided (planned in a plan item, held at an event, or declined
-- with a reason the chair sees). Request campaigns ask every organization for next year's plan.
create sequence topic_request_seq start with 1 increment by 50;

create table topic_request (
    id                    bigint primary key,
    organization_id       bigint        not null references org_unit (id),
    year                  integer       not null,
    preferred_form_code   varchar(32) references training_form (code),
    preferred_month       integer,
    expected_participants integer       not null,
    comment               varchar(2000),
    status                varchar(16)   not null default 'SUBMITTED',
    plan_item_id          bigint references plan_item (id),
    event_id              bigint references training_event (id),
    decline_reason        varchar(1000),
    submitted_by          varchar(64),
    decided_by            varchar(64),
    decided_at            timestamptz,
    created_at            timestamptz   not null default now(),
    updated_at            timestamptz   not null default now(),
    version               integer       not null default 0,
    constraint topic_request_status_known check (status in ('SUBMITTED', 'PLANNED', 'HELD', 'DECLINED')),
    constraint topic_request_year_range check (year between 2000 and 2100),
    constraint topic_request_month_range check (preferred_month between 1 and 12),
    constraint topic_request_expected_positive check (expected_participants > 0),
    constraint topic_request_planned_has_item check (status <> 'PLANNED' or plan_item_id is not null),
    constraint topic_request_held_has_event check (status <> 'HELD' or event_id is not null),
    constraint topic_request_declined_has_reason check (status <> 'DECLINED' or decline_reason is not null)
);

create index topic_request_org_idx on topic_request (organization_id, year);
create index topic_request_year_idx on topic_request (year, status);
create index topic_request_item_idx on topic_request (plan_item_id);

create table topic_request_topic (
    request_id bigint      not null references topic_request (id) on delete cascade,
    topic_code varchar(32) not null references training_topic (code),
    primary key (request_id, topic_code)
);

create table topic_request_category (
    request_id    bigint      not null references topic_request (id) on delete cascade,
    category_code varchar(32) not null references participant_category (code),
    primary key (request_id, category_code)
);

-- A campaign asks the primary organizations of a body for their requests for a plan year; an
-- organization has answered when it has a request for that year.
create sequence request_campaign_seq start with 1 increment by 50;

create table request_campaign (
    id          bigint primary key,
    org_unit_id bigint        not null references org_unit (id),
    year        integer       not null,
    title_kk    varchar(300)  not null,
    title_ru    varchar(300),
    opens_on    date          not null,
    deadline    date          not null,
    note        varchar(2000),
    created_at  timestamptz   not null default now(),
    updated_at  timestamptz   not null default now(),
    updated_by  varchar(64),
    version     integer       not null default 0,
    constraint request_campaign_one_per_body_and_year unique (org_unit_id, year),
    constraint request_campaign_year_range check (year between 2000 and 2100),
    constraint request_campaign_dates check (deadline >= opens_on)
);
