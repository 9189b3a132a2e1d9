-- Issue #16, part 1: other spellings of an organization's name, as lists kept on file write it
-- ("СШ №5", "«Балапан» бөбекжайы"). An import's one choice per spelling is kept here, so the next
-- file with that spelling matches by itself. Owned by the organizations module; other modules
-- reach it through kz.oqytu.organizations.Organizations only.
create table org_unit_aliases (
    id          bigserial    primary key,
    org_unit_id bigint       not null references org_unit (id) on delete cascade,
    -- the spelling as first met (cleaned of stray spaces), shown on the organization's page
    alias       varchar(300) not null,
    -- kz.oqytu.organizations.OrganizationNames.key(alias): what a spelling is matched by
    alias_key   varchar(300) not null,
    -- the subtree (a region's path) the alias applies in: one region's "СШ №5" is not another's
    scope_path  varchar(200) not null,
    created_by  varchar(64)  not null,
    created_at  timestamptz  not null,
    constraint org_unit_aliases_key_not_blank check (alias_key <> '')
);

create unique index org_unit_aliases_one_per_scope on org_unit_aliases (scope_path, alias_key);
create index org_unit_aliases_unit on org_unit_aliases (org_unit_id);

create trigger org_unit_aliases_audit after insert or update or delete on org_unit_aliases
    for each row execute function audit_row();
