-- Issue #21: the registry as other modules read it. The union tree and the membership snapshots are
-- the organizations module's tables; other modules read them through these views (simple views:
-- PostgreSQL inlines them, so plans and indexes are those of the tables). Contact details are part
-- of the published registry (notifications and reports print them).
create view organizations_v_unit as
select id, parent_id, level, committee_kind, kind, name_kk, name_ru, address, chair_name, chair_phone,
       chair_email, active, path
from org_unit;

create view organizations_v_membership as
select org_unit_id, as_of, members
from membership_snapshot;
