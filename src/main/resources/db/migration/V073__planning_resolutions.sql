-- Executive-committee resolutions ("қаулы" / "постановление") and their tasks: who, by when, how
-- far, and the plan items, events and methodical materials that carry them out.
create sequence resolution_seq start with 1 increment by 50;

create table resolution (
    id          bigint primary key,
    org_unit_id bigint        not null references org_unit (id),
    adopted_on  date          not null,
    number      varchar(20)   not null,
    item        varchar(20),
    title_kk    varchar(500),
    title_ru    varchar(500),
    body        varchar(20000),
    control_by  varchar(300),
    created_at  timestamptz   not null default now(),
    updated_at  timestamptz   not null default now(),
    updated_by  varchar(64),
    version     integer       not null default 0,
    constraint resolution_has_title check (title_kk is not null or title_ru is not null)
);

create index resolution_adopted_idx on resolution (org_unit_id, adopted_on desc);

create sequence resolution_task_seq start with 1 increment by 50;

create table resolution_task (
    id              bigint primary key,
    resolution_id   bigint        not null references resolution (id) on delete cascade,
    position        integer       not null,
    description     varchar(2000) not null,
    responsible     varchar(300),
    deadline        date,
    status          varchar(16)   not null default 'NOT_STARTED',
    execution_notes varchar(4000),
    completed_on    date,
    created_at      timestamptz   not null default now(),
    updated_at      timestamptz   not null default now(),
    updated_by      varchar(64),
    version         integer       not null default 0,
    constraint resolution_task_status_known check (status in ('NOT_STARTED', 'IN_PROGRESS', 'DONE')),
    constraint resolution_task_completed_when_done check ((status = 'DONE') = (completed_on is not null))
);

create index resolution_task_resolution_idx on resolution_task (resolution_id, position);
create index resolution_task_deadline_idx on resolution_task (deadline) where status <> 'DONE';

-- What carries a task out: a plan item, an event or a methodical material, by id. Materials are
-- another module's; their ids are kept as plain numbers, without a foreign key.
create table resolution_task_link (
    task_id   bigint      not null references resolution_task (id) on delete cascade,
    kind      varchar(16) not null,
    target_id bigint      not null,
    primary key (task_id, kind, target_id),
    constraint resolution_task_link_kind_known check (kind in ('PLAN_ITEM', 'EVENT', 'MATERIAL'))
);
