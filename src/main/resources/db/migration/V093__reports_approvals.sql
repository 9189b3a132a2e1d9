-- An approved annual coverage report: the figures as the executive committee approved them,
-- frozen (JSON of the report, its breakdowns and the budget lines) with the date and who approved.
create table report_approval (
    id               bigserial primary key,
    region_id        bigint       not null references org_unit (id),
    year             integer      not null,
    approved_on      date         not null,
    protocol         varchar(100) not null,
    approved_by      varchar(300) not null,
    recorded_by      varchar(64)  not null,
    recorded_at      timestamptz  not null default now(),
    snapshot         jsonb        not null,
    constraint report_approval_once unique (region_id, year)
);
