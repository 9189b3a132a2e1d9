-- Issue #16, part 1: a column mapping the user confirmed for a participant list, remembered per
-- organizer (the union body the user works for) and header layout, so the same layout never asks again.
create table training_import_layout (
    organizer_unit_id   bigint      not null references org_unit (id) on delete cascade,
    -- SHA-256 (hex) of the header cells, normalized, in order
    layout_key          varchar(64) not null,
    name_column         integer     not null check (name_column >= 0),
    organization_column integer     not null check (organization_column >= 0),
    category_column     integer     not null check (category_column >= 0),
    position_column     integer     check (position_column >= 0),
    confirmed_by        varchar(64) not null,
    confirmed_at        timestamptz not null,
    primary key (organizer_unit_id, layout_key)
);
