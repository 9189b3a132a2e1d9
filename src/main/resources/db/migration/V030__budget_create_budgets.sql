-- Each union body's budget ("смета") for a year: the expenditure part and the spending on training
-- union cadres and activists, each as planned and as actual, in tenge. The body is a node of the
-- org_unit tree, referenced by id. Optional breakdown lines split the training spending.
create sequence budget_seq start with 1 increment by 50;

create table budget (
    id               bigint primary key,
    org_unit_id      bigint        not null references org_unit (id),
    year             integer       not null,
    total_planned    numeric(16,2),
    total_actual     numeric(16,2),
    training_planned numeric(16,2),
    training_actual  numeric(16,2),
    created_at       timestamptz   not null default now(),
    updated_at       timestamptz   not null default now(),
    updated_by       varchar(64),
    version          integer       not null default 0,
    constraint budget_one_per_body_and_year unique (org_unit_id, year),
    constraint budget_year_range check (year between 2000 and 2100),
    constraint budget_amounts_not_negative check (total_planned >= 0 and total_actual >= 0
        and training_planned >= 0 and training_actual >= 0),
    constraint budget_training_within_total check (training_planned <= total_planned
        and training_actual <= total_actual),
    constraint budget_has_a_total check (total_planned is not null or total_actual is not null)
);

create index budget_year_idx on budget (year);

create table budget_line (
    budget_id bigint        not null references budget (id) on delete cascade,
    category  varchar(16)   not null,
    planned   numeric(16,2),
    actual    numeric(16,2),
    primary key (budget_id, category),
    constraint budget_line_category_known check (category in ('SEMINARS', 'MATERIALS', 'TRAINERS', 'TRAVEL', 'OTHER')),
    constraint budget_line_not_negative check (planned >= 0 and actual >= 0)
);
