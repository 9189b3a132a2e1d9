-- Issue #17: the monitoring page's coverage inputs, precomputed (decision 32). Derived tables of the
-- reports module, rebuildable from training's read model; every row carries its key: the organizing
-- region of the events it comes from (the REGION ancestor of the organizer, or the union root when the
-- root organized them) and the year they start in. No foreign keys: a rollup is recomputed, not kept.
-- The registry position of an organization (district, path) is read at query time, so moving an
-- organization needs no refresh.

-- People credited to an organization (training_v_org_attendance) at held events.
create table reports_rollup_monitoring_trained (
    region_id       bigint not null,
    year            int    not null,
    organization_id bigint not null,
    trained         bigint not null,
    primary key (region_id, year, organization_id)
);
create index reports_rollup_monitoring_trained_org_idx on reports_rollup_monitoring_trained (year, organization_id);

-- Held events' head count not recorded by organization (training_v_event_unrecorded), by organizer and
-- district (null: a regional-level event, open to the organizations under its organizer).
create table reports_rollup_monitoring_open (
    region_id         bigint not null,
    year              int    not null,
    organizer_unit_id bigint not null,
    district_id       bigint,
    events            int    not null,
    people            bigint not null
);
create index reports_rollup_monitoring_open_key_idx on reports_rollup_monitoring_open (region_id, year);
create index reports_rollup_monitoring_open_year_idx on reports_rollup_monitoring_open (year, district_id);

-- Of those events, the ones where an organization's own count is recorded (their remainder is not its),
-- with their organizer and district so that "open to it" is decided at query time.
create table reports_rollup_monitoring_own (
    region_id         bigint not null,
    year              int    not null,
    organization_id   bigint not null,
    organizer_unit_id bigint not null,
    district_id       bigint,
    people            bigint not null
);
create index reports_rollup_monitoring_own_key_idx on reports_rollup_monitoring_own (region_id, year);
create index reports_rollup_monitoring_own_org_idx on reports_rollup_monitoring_own (year, organization_id);

-- The views are read event by event (lateral, "offset 0" keeps the planner from flattening them into
-- a scan of every event's attendance): a key's refresh costs its own events only.
-- Inserts the rows of one key (or of every region / every year where a parameter is null).
create function reports_rollup_monitoring_fill(p_region bigint, p_year int) returns void language plpgsql as $$
declare
    k_path text;
    k_national boolean;
    v_from timestamp := case when p_year is null then '-infinity'::timestamp else make_date(p_year, 1, 1)::timestamp end;
    v_to timestamp := case when p_year is null then 'infinity'::timestamp else make_date(p_year + 1, 1, 1)::timestamp end;
begin
    if p_region is not null then
        select k.path, k.level = 'NATIONAL' into k_path, k_national from org_unit k where k.id = p_region;
        if k_path is null then
            return;
        end if;
    end if;
    create temporary table if not exists reports_rollup_monitoring_held (
        id bigint primary key, region_id bigint not null, y int not null, organizer_unit_id bigint not null,
        district_id bigint, unrecorded bigint not null) on commit drop;
    truncate reports_rollup_monitoring_held;
    insert into reports_rollup_monitoring_held (id, region_id, y, organizer_unit_id, district_id, unrecorded)
    select e.id, coalesce(nullif(split_part(r.path, '/', 3), '')::bigint, r.id),
           extract(year from e.starts_at)::int, e.organizer_unit_id, e.district_id,
           coalesce((select sum(u.participants) from training_v_event_unrecorded u where u.event_id = e.id), 0)
    from training_event e
    join org_unit r on r.id = e.organizer_unit_id
    where e.status = 'HELD' and e.starts_at >= v_from and e.starts_at < v_to
      and (p_region is null or (k_national and r.id = p_region) or (not k_national and r.path like k_path || '%'));
    analyze reports_rollup_monitoring_held;
    insert into reports_rollup_monitoring_trained (region_id, year, organization_id, trained)
    select h.region_id, h.y, v.organization_id, sum(v.participants)
    from reports_rollup_monitoring_held h
    cross join lateral (select v.organization_id, v.participants from training_v_org_attendance v
                        where v.event_id = h.id offset 0) v
    group by h.region_id, h.y, v.organization_id;
    insert into reports_rollup_monitoring_open (region_id, year, organizer_unit_id, district_id, events, people)
    select h.region_id, h.y, h.organizer_unit_id, h.district_id, count(*), sum(h.unrecorded)
    from reports_rollup_monitoring_held h where h.unrecorded > 0
    group by h.region_id, h.y, h.organizer_unit_id, h.district_id;
    insert into reports_rollup_monitoring_own (region_id, year, organization_id, organizer_unit_id, district_id, people)
    select h.region_id, h.y, en.organization_id, h.organizer_unit_id, h.district_id, sum(h.unrecorded)
    from reports_rollup_monitoring_held h
    cross join lateral (select distinct v.organization_id from training_v_org_attendance v
                        where v.event_id = h.id offset 0) en
    where h.unrecorded > 0
    group by h.region_id, h.y, en.organization_id, h.organizer_unit_id, h.district_id;
    truncate reports_rollup_monitoring_held;
end
$$;

-- Recomputes one key: the held events organized in the region (the root: by the root itself) that
-- start in the year. Called by the reports module's RollupTable bean before a commit that changed them.
create function reports_rollup_monitoring_refresh(p_region bigint, p_year int) returns void language sql as $$
    delete from reports_rollup_monitoring_trained where region_id = p_region and year = p_year;
    delete from reports_rollup_monitoring_open where region_id = p_region and year = p_year;
    delete from reports_rollup_monitoring_own where region_id = p_region and year = p_year;
    select reports_rollup_monitoring_fill(p_region, p_year);
$$;

-- Everything again from the source: the rebuild command and the bench data generator.
create function reports_rollup_monitoring_rebuild() returns void language sql as $$
    truncate reports_rollup_monitoring_trained, reports_rollup_monitoring_open, reports_rollup_monitoring_own;
    select reports_rollup_monitoring_fill(null, null);
    analyze reports_rollup_monitoring_trained;
    analyze reports_rollup_monitoring_open;
    analyze reports_rollup_monitoring_own;
$$;

select reports_rollup_monitoring_rebuild();
