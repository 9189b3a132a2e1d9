-- Issue #17: the monitoring page's "acknowledged everything" marks (Distributions.acknowledgedAllByOrganization)
-- read every delivery of the scope on every page: 50-66 ms for the country's first page (88 000 deliveries,
-- 9 325 organizations), whatever the formulation (a subplan per organization, a two-level aggregate, distinct
-- counts: all 50-58 ms in psql), a fifth of the page. The materials module now keeps, per organization that
-- was sent anything, how many materials it was sent and how many of them it acknowledged (any version), in
-- the writing statement: material_delivery's statement triggers recompute the organizations of their
-- transition tables (a distribution is one INSERT, a download or an acknowledgement one UPDATE, a removal
-- the cascade from material, version or distribution). The deliveries stay the truth:
-- materials_org_receipt_rebuild() makes the table again from them (the national data generator, which writes
-- with the triggers off, and the operators' rebuild command), and MaterialReceiptTests compares it with a
-- recomputation after distributions, downloads, acknowledgements, new versions and removals.
create table material_org_receipt (
    org_unit_id  bigint primary key references org_unit (id),
    materials    integer not null check (materials > 0),
    acknowledged integer not null check (acknowledged between 0 and materials)
);

comment on table material_org_receipt is
    'Per organization sent any material: materials sent and acknowledged (any version). Derived from material_delivery by its triggers; materials_org_receipt_rebuild() makes it again.';

-- Two transactions writing deliveries of one organization at once: the later one's upsert would wait for
-- the earlier one's receipt row and then write the counts it made before the earlier one committed (a
-- material lost; MaterialReceiptRaceTests). So the organizations are locked first, in a statement of its
-- own, until the transaction ends: the recount after it (this is a volatile function: each statement takes
-- a fresh snapshot) sees what the earlier transaction committed. The locks are 64 buckets of the ids, taken
-- in order: a national distribution's 9 500 organizations would not fit PostgreSQL's lock table one by one.
create function materials_org_receipt_refresh(units bigint[]) returns void language sql as $$
    select count(pg_advisory_xact_lock(hashtext('material_org_receipt'), b.bucket))
    from (select distinct (u % 64)::integer as bucket from unnest(units) as u order by 1) b;
    delete from material_org_receipt r
    where r.org_unit_id = any (units)
      and not exists (select 1 from material_delivery d where d.org_unit_id = r.org_unit_id);
    insert into material_org_receipt (org_unit_id, materials, acknowledged)
    select d.org_unit_id, count(distinct d.material_id),
           count(distinct d.material_id) filter (where d.acknowledged_at is not null)
    from material_delivery d
    where d.org_unit_id = any (units)
    group by d.org_unit_id
    on conflict (org_unit_id) do update
        set materials = excluded.materials, acknowledged = excluded.acknowledged;
$$;

create function materials_org_receipt_changed() returns trigger language plpgsql as $$
begin
    perform materials_org_receipt_refresh(array(select distinct c.org_unit_id from changed c));
    return null;
end
$$;

create function materials_org_receipt_updated() returns trigger language plpgsql as $$
begin
    perform materials_org_receipt_refresh(array(
        select c.org_unit_id from changed_before c
        union
        select c.org_unit_id from changed c));
    return null;
end
$$;

create trigger material_delivery_receipt_insert after insert on material_delivery
    referencing new table as changed for each statement execute function materials_org_receipt_changed();
create trigger material_delivery_receipt_delete after delete on material_delivery
    referencing old table as changed for each statement execute function materials_org_receipt_changed();
create trigger material_delivery_receipt_update after update on material_delivery
    referencing old table as changed_before new table as changed
    for each statement execute function materials_org_receipt_updated();

create function materials_org_receipt_rebuild() returns bigint language plpgsql as $$
declare
    n bigint;
begin
    delete from material_org_receipt;
    insert into material_org_receipt (org_unit_id, materials, acknowledged)
    select d.org_unit_id, count(distinct d.material_id),
           count(distinct d.material_id) filter (where d.acknowledged_at is not null)
    from material_delivery d
    group by d.org_unit_id;
    get diagnostics n = row_count;
    return n;
end
$$;

select materials_org_receipt_rebuild();
