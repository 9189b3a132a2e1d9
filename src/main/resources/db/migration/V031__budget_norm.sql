-- The union's norm: training spending at least this share of the expenditure part of a body's
-- budget. Dated, so a changed norm applies from its date and earlier years keep theirs.
create sequence budget_norm_seq start with 1 increment by 50;

create table budget_norm (
    id             bigint primary key,
    share          numeric(4,1) not null,
    effective_from date         not null,
    created_at     timestamptz  not null default now(),
    updated_at     timestamptz  not null default now(),
    updated_by     varchar(64),
    version        integer      not null default 0,
    constraint budget_norm_share_range check (share > 0 and share <= 100),
    constraint budget_norm_one_per_date unique (effective_from)
);

insert into budget_norm (id, share, effective_from, updated_by)
values (nextval('budget_norm_seq'), 10.0, date '2000-01-01', 'migration');
