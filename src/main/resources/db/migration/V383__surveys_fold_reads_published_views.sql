-- Issue #21 (decision 55): the survey results fold's functions of V260, the same statements reading
-- the published views of organizations (V380) and training (V381) instead of their tables.

-- surveys_results_fold_compute, as in V260__surveys_results_fold.sql, reading the published views
create or replace function surveys_results_fold_compute(r bigint, y integer, k integer) returns setof survey_results_fold
language sql stable as $$
    with rows as (
        select surveys_fold_region(o.path) as region_id, extract(year from e.starts_at)::int as year,
               f.response_id as id, f.kind, f.answered, f.usefulness, f.applicability, f.applied, f.applied_yes,
               f.organization_id, s.event_id, e.form_code, e.district_id,
               (e.ends_at::date - e.starts_at::date + 1) as days
        from organizations_v_unit o
        join training_v_event e on e.organizer_unit_id = o.id
        join event_survey s on s.event_id = e.id
        join survey_response_score f on f.event_survey_id = s.id
        where not f.flagged
          and (r is null or (o.path like (select u.path from organizations_v_unit u where u.id = r) || '%'
               and surveys_fold_region(o.path) = r
               and e.starts_at >= make_timestamp(y, 1, 1, 0, 0, 0) and e.starts_at < make_timestamp(y + 1, 1, 1, 0, 0, 0)))
    ), lines as (
        select 'TOTAL' as dimension, '' as key, x.* from rows x
        union all select 'FORM', x.form_code, x.* from rows x
        union all select 'TOPIC', t.topic_code, x.* from rows x join training_v_event_topic t on t.event_id = x.event_id
        union all select 'DISTRICT', coalesce(x.district_id::text, ''), x.* from rows x
        union all select 'DAYS', x.days::text, x.* from rows x
        union all select 'ORG', x.organization_id::text, x.* from rows x where x.organization_id is not null
    ), ranked as (
        select l.*,
               row_number() over (partition by l.region_id, l.year, l.dimension, l.key, l.kind order by l.id desc) as back,
               count(*) filter (where l.answered)
                   over (partition by l.region_id, l.year, l.dimension, l.key, l.event_id) as event_answered
        from lines l
    )
    , cells as (
        select region_id, year, dimension::varchar as dimension, key::varchar as key,
               count(*) filter (where kind = 'POST_EVENT')::int as post,
               count(*) filter (where kind = 'FOLLOW_UP')::int as follow,
               count(*) filter (where kind = 'POST_EVENT' and answered)::int as post_answered,
               count(*) filter (where kind = 'FOLLOW_UP' and answered)::int as follow_answered,
               coalesce(sum(usefulness) filter (where kind = 'POST_EVENT'), 0)::int as usefulness_sum,
               count(usefulness) filter (where kind = 'POST_EVENT')::int as usefulness_n,
               coalesce(sum(applicability) filter (where kind = 'POST_EVENT'), 0)::int as applicability_sum,
               count(applicability) filter (where kind = 'POST_EVENT')::int as applicability_n,
               count(*) filter (where kind = 'FOLLOW_UP' and applied)::int as applied,
               count(*) filter (where kind = 'FOLLOW_UP' and applied_yes)::int as applied_yes,
               count(distinct event_id) filter (where answered)::int as events,
               coalesce(array_agg(row(id, event_id, answered, usefulness, applicability, applied, applied_yes,
                       event_answered)::survey_fold_entry order by id desc) filter (where kind = 'POST_EVENT' and back <= 9),
                       '{}') as post_tail,
               coalesce(array_agg(row(id, event_id, answered, usefulness, applicability, applied, applied_yes,
                       event_answered)::survey_fold_entry order by id desc) filter (where kind = 'FOLLOW_UP' and back <= 9),
                       '{}') as follow_tail
        from ranked group by region_id, year, dimension, key
    )
    select c.*, k, c.post - c.post % k + c.follow - c.follow % k,
           c.events - x.dropped, c.post_answered - x.pa, c.follow_answered - x.fa, c.usefulness_sum - x.us,
           c.usefulness_n - x.un, c.applicability_sum - x.xs, c.applicability_n - x.xn, c.applied - x.ap,
           c.applied_yes - x.ay
    from cells c cross join lateral (
        -- the newest n mod k of each kind, left out
        select coalesce(sum(z.pa), 0)::int as pa, coalesce(sum(z.fa), 0)::int as fa, coalesce(sum(z.us), 0)::int as us,
               coalesce(sum(z.un), 0)::int as un, coalesce(sum(z.xs), 0)::int as xs, coalesce(sum(z.xn), 0)::int as xn,
               coalesce(sum(z.ap), 0)::int as ap, coalesce(sum(z.ay), 0)::int as ay,
               count(*) filter (where z.xa > 0 and z.xa = z.ea)::int as dropped
        from (
            select t.event_id, count(*) filter (where t.answered) as xa, max(t.event_answered) as ea,
                   count(*) filter (where t.p and t.answered) as pa, count(*) filter (where not t.p and t.answered) as fa,
                   sum(t.usefulness) filter (where t.p) as us, count(t.usefulness) filter (where t.p) as un,
                   sum(t.applicability) filter (where t.p) as xs, count(t.applicability) filter (where t.p) as xn,
                   count(*) filter (where not t.p and t.applied) as ap, count(*) filter (where not t.p and t.applied_yes) as ay
            from (select true as p, e.* from unnest(c.post_tail[1:c.post % k]) e
                  union all select false, e.* from unnest(c.follow_tail[1:c.follow % k]) e) t
            group by t.event_id) z
    ) x
$$;

-- surveys_results_fold_dirty, as in V260__surveys_results_fold.sql, reading the published views
create or replace function surveys_results_fold_dirty(scope varchar, y integer) returns table (region_id bigint, year integer)
language sql stable as $$
    select d.region_id, d.year from survey_results_dirty d join organizations_v_unit u on u.id = d.region_id
    where u.path like scope || '%' and (y is null or d.year = y)
    union
    select surveys_fold_region(o.path), extract(year from e.starts_at)::int
    from survey_response_score f join event_survey s on s.id = f.event_survey_id
    join training_v_event e on e.id = s.event_id join organizations_v_unit o on o.id = e.organizer_unit_id
    where not f.folded and o.path like scope || '%'
      and (y is null or (e.starts_at >= make_timestamp(y, 1, 1, 0, 0, 0) and e.starts_at < make_timestamp(y + 1, 1, 1, 0, 0, 0)))
$$;

-- surveys_results_fold_mark_removed, as in V260__surveys_results_fold.sql, reading the published views
create or replace function surveys_results_fold_mark_removed() returns trigger language plpgsql as $$
begin
    insert into survey_results_dirty (region_id, year)
    select distinct surveys_fold_region(o.path), extract(year from e.starts_at)::int
    from changed c join event_survey s on s.id = c.event_survey_id join training_v_event e on e.id = s.event_id
    join organizations_v_unit o on o.id = e.organizer_unit_id
    where not c.flagged
    on conflict do nothing;
    return null;
end
$$;
