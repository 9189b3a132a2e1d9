-- Training events with their topics and active methods, head counts per participant category,
-- and named participant lists. Dates are local (Asia/Aqtobe) date-times.
create sequence training_event_seq start with 1 increment by 50;

create table training_event (
    id                   bigint primary key,
    organizer_unit_id    bigint        not null references org_unit (id),
    title_kk             varchar(300)  not null,
    title_ru             varchar(300),
    form_code            varchar(32)   not null references training_form (code),
    starts_at            timestamp     not null,
    ends_at              timestamp     not null,
    academic_hours       numeric(5, 1) not null,
    venue_kind           varchar(24)   not null,
    district_id          bigint references org_unit (id),
    host_organization_id bigint references org_unit (id),
    venue_details        varchar(300),
    trainers             varchar(1000),
    announcement_url     varchar(500),
    notes                varchar(4000),
    status               varchar(16)   not null,
    created_at           timestamptz   not null default now(),
    updated_at           timestamptz   not null default now(),
    version              integer       not null default 0,
    constraint training_event_dates check (ends_at >= starts_at),
    constraint training_event_hours check (academic_hours > 0),
    constraint training_event_status_known check (status in ('PLANNED', 'HELD', 'CANCELLED')),
    constraint training_event_venue_known check (venue_kind in ('COMMITTEE_PREMISES', 'ON_SITE', 'REGIONAL_OFFICE', 'ONLINE')),
    constraint training_event_on_site_host check (venue_kind <> 'ON_SITE' or host_organization_id is not null)
);

create index training_event_starts_idx on training_event (starts_at);
create index training_event_status_starts_idx on training_event (status, starts_at);
create index training_event_district_idx on training_event (district_id);
create index training_event_host_idx on training_event (host_organization_id);
create index training_event_organizer_idx on training_event (organizer_unit_id);

create table training_event_topic (
    event_id   bigint      not null references training_event (id) on delete cascade,
    topic_code varchar(32) not null references training_topic (code),
    primary key (event_id, topic_code)
);

create index training_event_topic_code_idx on training_event_topic (topic_code);

create table training_event_method (
    event_id bigint      not null references training_event (id) on delete cascade,
    method   varchar(32) not null,
    primary key (event_id, method),
    constraint training_event_method_known check (method in ('PRACTICAL_TASKS', 'CASE_ANALYSIS', 'SITUATIONAL_MODELLING', 'DISCUSSION'))
);

-- Head counts per category. For events with a named list they are derived from the list.
create table attendance_count (
    event_id      bigint      not null references training_event (id) on delete cascade,
    category_code varchar(32) not null references participant_category (code),
    participants  integer     not null,
    primary key (event_id, category_code),
    constraint attendance_count_not_negative check (participants >= 0)
);

create sequence event_participant_seq start with 1 increment by 50;

create table event_participant (
    id              bigint primary key,
    event_id        bigint       not null references training_event (id) on delete cascade,
    full_name       varchar(300) not null,
    -- lower-cased, single-spaced full name: the key for "the same person" with the organization
    name_key        varchar(300) not null,
    organization_id bigint       not null references org_unit (id),
    category_code   varchar(32)  not null references participant_category (code),
    position        varchar(200),
    created_at      timestamptz  not null default now(),
    constraint event_participant_once unique (event_id, name_key, organization_id)
);

create index event_participant_event_idx on event_participant (event_id);
create index event_participant_org_idx on event_participant (organization_id);
