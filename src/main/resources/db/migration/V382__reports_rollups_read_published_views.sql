-- Issue #21 (decision 55): the rollup functions of V210 and V220, the same statements reading the
-- published views of organizations (V380) and training (V381) instead of their tables. Same
-- signatures, same results (the rollups' oracle tests compare them with the live statements).

-- reports_rollup_coverage_rebuild, as in V210__reports_coverage_rollups.sql, reading the published views
create or replace function reports_rollup_coverage_rebuild() returns void language plpgsql as $$
begin
    perform pg_advisory_xact_lock(hashtextextended('reports_rollup', 0));
    truncate reports_rollup_coverage, reports_rollup_persons, reports_rollup_members;

    create temporary table rollup_unit_region on commit drop as
    select u.id, u.parent_id,
           coalesce((select r.id from organizations_v_unit r where r.level = 'REGION' and u.path like r.path || '%' limit 1),
                    split_part(u.path, '/', 2)::bigint) as region_id
    from organizations_v_unit u;
    create index on rollup_unit_region (id);

    create temporary table rollup_held on commit drop as
    select e.id, ur.region_id, extract(year from e.starts_at)::int as year, e.district_id, e.form_code,
           extract(month from e.starts_at)::int as month, (e.ends_at::date - e.starts_at::date + 1) as days,
           coalesce(a.people, 0) as people, coalesce(n.named, 0) as named
    from training_v_event e
    join rollup_unit_region ur on ur.id = e.organizer_unit_id
    left join (select event_id, sum(participants) as people from training_v_attendance group by event_id) a on a.event_id = e.id
    left join (select event_id, count(*) as named from training_v_participant group by event_id) n on n.event_id = e.id
    where e.status = 'HELD';
    create index on rollup_held (id);
    analyze rollup_held;

    insert into reports_rollup_coverage (region_id, year, dimension, key, events, people, named)
    select region_id, year, 'TOTAL', '', count(*), sum(people), sum(named) from rollup_held group by region_id, year
    union all
    select region_id, year, 'DISTRICT', coalesce(district_id::text, ''), count(*), sum(people), sum(named)
    from rollup_held group by region_id, year, district_id
    union all
    select region_id, year, 'FORM', form_code, count(*), sum(people), sum(named) from rollup_held group by region_id, year, form_code
    union all
    select region_id, year, 'MONTH', month::text, count(*), sum(people), sum(named) from rollup_held group by region_id, year, month
    union all
    select region_id, year, 'DAYS', days::text, count(*), sum(people), sum(named) from rollup_held group by region_id, year, days
    union all
    select h.region_id, h.year, 'TOPIC', t.topic_code, count(*), sum(h.people), sum(h.named)
    from rollup_held h join training_v_event_topic t on t.event_id = h.id group by h.region_id, h.year, t.topic_code
    union all
    select h.region_id, h.year, 'CATEGORY', a.category_code, count(*), sum(a.participants), 0
    from rollup_held h join training_v_attendance a on a.event_id = h.id group by h.region_id, h.year, a.category_code;

    insert into reports_rollup_persons (region_id, year, organization_id, name_key, events, counted)
    select region_id, year, organization_id, name_key, events,
           region_id = min(region_id) over (partition by year, organization_id, name_key)
    from (select h.region_id, h.year, p.organization_id, p.name_key, count(*) as events
          from rollup_held h join training_v_participant p on p.event_id = h.id
          group by h.region_id, h.year, p.organization_id, p.name_key) x;

    update reports_rollup_coverage c set persons = x.persons, counted = x.counted
    from (select region_id, year, count(*) as persons, count(*) filter (where counted) as counted
          from reports_rollup_persons group by region_id, year) x
    where c.region_id = x.region_id and c.year = x.year and c.dimension = 'TOTAL';

    insert into reports_rollup_members (region_id, as_of, district_id, members)
    select ur.region_id, m.as_of, ur.parent_id, sum(m.members)
    from organizations_v_membership m join rollup_unit_region ur on ur.id = m.org_unit_id
    group by ur.region_id, m.as_of, ur.parent_id;

    drop table rollup_held;
    drop table rollup_unit_region;
    analyze reports_rollup_coverage;
    analyze reports_rollup_persons;
    analyze reports_rollup_members;
end
$$;

-- reports_rollup_coverage_refresh, as in V210__reports_coverage_rollups.sql, reading the published views
create or replace function reports_rollup_coverage_refresh(region bigint, yr integer) returns void language plpgsql as $$
declare
    y_from timestamp := make_date(yr, 1, 1);
    y_to   timestamp := make_date(yr + 1, 1, 1);
    units  bigint[] := reports_rollup_unit_ids(region);
    old_organizations bigint[];
    old_names varchar[];
    touched bigint[];
begin
    perform reports_rollup_lock(region, yr);
    delete from reports_rollup_coverage where region_id = region and year = yr;
    -- the persons this key had: whether another region now counts them for the country follows below
    with gone as (delete from reports_rollup_persons where region_id = region and year = yr
                  returning organization_id, name_key)
    select coalesce(array_agg(organization_id), '{}'), coalesce(array_agg(name_key), '{}')
    into old_organizations, old_names from gone;
    delete from reports_rollup_members where region_id = region and as_of >= y_from::date and as_of < y_to::date;

    with held as (
        select e.id, e.district_id, e.form_code, extract(month from e.starts_at)::int as month,
               (e.ends_at::date - e.starts_at::date + 1) as days,
               coalesce((select sum(a.participants) from training_v_attendance a where a.event_id = e.id), 0) as people,
               (select count(*) from training_v_participant p where p.event_id = e.id) as named
        from training_v_event e
        where e.organizer_unit_id = any (units)
          and e.status = 'HELD' and e.starts_at >= y_from and e.starts_at < y_to),
    persons as (
        insert into reports_rollup_persons (region_id, year, organization_id, name_key, events, counted)
        select region, yr, x.organization_id, x.name_key, x.events,
               not exists (select 1 from reports_rollup_persons q where q.year = yr and q.organization_id = x.organization_id
                           and q.name_key = x.name_key and q.region_id < region)
        from (select p.organization_id, p.name_key, count(*) as events
              from held h join training_v_participant p on p.event_id = h.id
              group by p.organization_id, p.name_key) x
        returning 1)
    insert into reports_rollup_coverage (region_id, year, dimension, key, events, people, named)
    select region, yr, 'TOTAL', '', count(*), sum(people), sum(named) from held having count(*) > 0
    union all
    select region, yr, 'DISTRICT', coalesce(district_id::text, ''), count(*), sum(people), sum(named) from held group by district_id
    union all
    select region, yr, 'FORM', form_code, count(*), sum(people), sum(named) from held group by form_code
    union all
    select region, yr, 'MONTH', month::text, count(*), sum(people), sum(named) from held group by month
    union all
    select region, yr, 'DAYS', days::text, count(*), sum(people), sum(named) from held group by days
    union all
    select region, yr, 'TOPIC', t.topic_code, count(*), sum(h.people), sum(h.named)
    from held h join training_v_event_topic t on t.event_id = h.id group by t.topic_code
    union all
    select region, yr, 'CATEGORY', a.category_code, count(*), sum(a.participants), 0
    from held h join training_v_attendance a on a.event_id = h.id group by a.category_code;

    insert into reports_rollup_members (region_id, as_of, district_id, members)
    select region, m.as_of, o.parent_id, sum(m.members)
    from organizations_v_membership m join organizations_v_unit o on o.id = m.org_unit_id
    where m.org_unit_id = any (units) and m.as_of >= y_from::date and m.as_of < y_to::date
    group by m.as_of, o.parent_id;

    -- A person is counted for the country by the first region (lowest id) they appear in that year.
    -- The new rows were inserted with that flag; other regions' rows change only for the persons
    -- who came to or left this key (a handful when one event changes).
    with changed as (
    update reports_rollup_persons p
    set counted = not exists (select 1 from reports_rollup_persons q where q.year = p.year
                              and q.organization_id = p.organization_id and q.name_key = p.name_key
                              and q.region_id < p.region_id)
    from ((select o, n from unnest(old_organizations, old_names) x (o, n)
           except
           select organization_id, name_key from reports_rollup_persons where region_id = region and year = yr)
          union
          (select organization_id, name_key from reports_rollup_persons where region_id = region and year = yr
           except
           select o, n from unnest(old_organizations, old_names) x (o, n))) moved (o, n)
    where p.year = yr and p.organization_id = moved.o and p.name_key = moved.n and p.region_id <> region
    returning p.region_id)
    select coalesce(array_agg(distinct region_id), '{}') into touched from changed;

    -- the persons of the TOTAL lines of this key and of the regions whose flags may have changed
    update reports_rollup_coverage c set persons = x.persons, counted = x.counted
    from (select q.region_id, count(*) as persons, count(*) filter (where q.counted) as counted
          from reports_rollup_persons q
          where q.year = yr
            and (q.region_id = region or q.region_id = any (touched))
          group by q.region_id) x
    where c.region_id = x.region_id and c.year = yr and c.dimension = 'TOTAL'
      and (c.persons, c.counted) is distinct from (x.persons, x.counted);
end
$$;

-- reports_rollup_region, as in V210__reports_coverage_rollups.sql, reading the published views
create or replace function reports_rollup_region(unit bigint) returns bigint language sql stable as $$
    select coalesce((select r.id from organizations_v_unit r where r.level = 'REGION' and u.path like r.path || '%' limit 1),
                    split_part(u.path, '/', 2)::bigint)
    from organizations_v_unit u where u.id = unit
$$;

-- reports_rollup_unit_ids, as in V210__reports_coverage_rollups.sql, reading the published views
create or replace function reports_rollup_unit_ids(region bigint) returns bigint[] language plpgsql stable as $$
declare
    key_path  varchar;
    key_level varchar;
begin
    select path, level into key_path, key_level from organizations_v_unit where id = region;
    if key_path is null then
        return '{}';
    elsif key_level = 'REGION' then
        return array(select id from organizations_v_unit where path like key_path || '%');
    end if;
    return array(select u.id from organizations_v_unit u where u.path like key_path || '%'
                 and u.path not like all (array(select r.path || '%' from organizations_v_unit r where r.level = 'REGION')));
end
$$;

-- reports_rollup_years, as in V210__reports_coverage_rollups.sql, reading the published views
create or replace function reports_rollup_years(region bigint) returns table (year integer) language sql stable as $$
    select distinct extract(year from e.starts_at)::int from training_v_event e
    where e.organizer_unit_id = any (reports_rollup_unit_ids(region))
    union
    select extract(year from m.as_of)::int + d from organizations_v_membership m, (values (0), (-1)) v (d)
    where m.org_unit_id = any (reports_rollup_unit_ids(region))
    union
    select c.year from reports_rollup_coverage c where c.region_id = region
    union
    select extract(year from m.as_of)::int from reports_rollup_members m where m.region_id = region
$$;

-- reports_rollup_monitoring_fill, as in V220__reports_rollup_monitoring.sql, reading the published views
create or replace function reports_rollup_monitoring_fill(p_region bigint, p_year int) returns void language plpgsql as $$
declare
    k_path text;
    k_national boolean;
    v_from timestamp := case when p_year is null then '-infinity'::timestamp else make_date(p_year, 1, 1)::timestamp end;
    v_to timestamp := case when p_year is null then 'infinity'::timestamp else make_date(p_year + 1, 1, 1)::timestamp end;
begin
    if p_region is not null then
        select k.path, k.level = 'NATIONAL' into k_path, k_national from organizations_v_unit k where k.id = p_region;
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
    from training_v_event e
    join organizations_v_unit r on r.id = e.organizer_unit_id
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
