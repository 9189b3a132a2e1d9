-- Issue #17 (decision 61): the survey results fold adds a key's new responses to its cells instead of
-- recomputing the whole region and year. A refresh recomputed every cell of its key from all the key's
-- score rows (0.26-0.45 s for a large region-year of the national data set), for every key answered
-- since the job's last round: in a survey season every answered region-year, every 20 s.
--
-- The cells of a key hold exactly its folded, counted score rows. A refresh folds the key's unfolded rows
-- and, unless the key is marked dirty, adds them to the cells: their counts and sums, the events they
-- bring (an event counts in a cell from its first answered response there), and the newest 9 of each kind
-- among the old tail and the new rows. Each tail entry's count of answered responses of its event in the
-- cell is read again for the events the new rows belong to (the score rows of those events alone). The
-- figures a cell publishes alone are computed from the merged cell as surveys_results_fold_compute does.
--
-- What the cells held and is no longer true marks its key dirty, and a dirty key is recomputed whole as
-- before: a removal (V260), an event or unit change (the module's listeners), and now a folded score row
-- recomputed (its answers or its flag changed), by the trigger below. A new response's row is updated by
-- its own answers while still unfolded, which marks nothing.

-- A folded score row recomputed: the cells hold its old figures, so its key is recomputed whole.
create function surveys_results_fold_mark_recomputed() returns trigger language plpgsql as $$
begin
    insert into survey_results_dirty (region_id, year)
    select surveys_fold_region(o.path), extract(year from e.starts_at)::int
    from event_survey s join training_v_event e on e.id = s.event_id
    join organizations_v_unit o on o.id = e.organizer_unit_id
    where s.id = old.event_survey_id
    on conflict do nothing;
    return null;
end
$$;
-- The condition is evaluated without calling the function: an answer's own update (an unfolded row) pays
-- nothing.
create trigger survey_results_fold_on_score_recomputed after update on survey_response_score
    for each row when (old.folded and not new.folded) execute function surveys_results_fold_mark_recomputed();

-- Rows unfolded before this migration may be recomputed ones: their keys are recomputed whole once.
insert into survey_results_dirty (region_id, year)
select distinct surveys_fold_region(o.path), extract(year from e.starts_at)::int
from survey_response_score f join event_survey s on s.id = f.event_survey_id
join training_v_event e on e.id = s.event_id join organizations_v_unit o on o.id = e.organizer_unit_id
where not f.folded
on conflict do nothing;

-- The cells of key (r, y) touched by the score rows ids (just folded, all of that key), with those rows
-- added: the cells as they will be, published for the threshold k.
create function surveys_results_fold_add(r bigint, y integer, k integer, ids bigint[]) returns setof survey_results_fold
language sql stable as $$
    with added as (
        select f.response_id as id, f.kind, f.answered, f.usefulness, f.applicability, f.applied, f.applied_yes,
               f.organization_id, s.event_id, e.form_code, e.district_id,
               (e.ends_at::date - e.starts_at::date + 1) as days
        from survey_response_score f
        join event_survey s on s.id = f.event_survey_id
        join training_v_event e on e.id = s.event_id
        where f.response_id = any (ids) and not f.flagged
    ), added_lines as (
        select 'TOTAL'::varchar as dimension, ''::varchar as key, x.* from added x
        union all select 'FORM', x.form_code::varchar, x.* from added x
        union all select 'TOPIC', t.topic_code::varchar, x.* from added x join training_v_event_topic t on t.event_id = x.event_id
        union all select 'DISTRICT', coalesce(x.district_id::text, '')::varchar, x.* from added x
        union all select 'DAYS', x.days::text::varchar, x.* from added x
        union all select 'ORG', x.organization_id::text::varchar, x.* from added x where x.organization_id is not null
    ), everyone as (
        -- the folded, counted rows of the events the new rows belong to (the new rows among them)
        select f.answered, f.organization_id, e.id as event_id, e.form_code, e.district_id,
               (e.ends_at::date - e.starts_at::date + 1) as days
        from training_v_event e
        join event_survey s on s.event_id = e.id
        join survey_response_score f on f.event_survey_id = s.id
        where e.id in (select event_id from added) and f.folded and not f.flagged
    ), everyone_lines as (
        select 'TOTAL'::varchar as dimension, ''::varchar as key, x.event_id, x.answered from everyone x
        union all select 'FORM', x.form_code::varchar, x.event_id, x.answered from everyone x
        union all select 'TOPIC', t.topic_code::varchar, x.event_id, x.answered from everyone x
            join training_v_event_topic t on t.event_id = x.event_id
        union all select 'DISTRICT', coalesce(x.district_id::text, '')::varchar, x.event_id, x.answered from everyone x
        union all select 'DAYS', x.days::text::varchar, x.event_id, x.answered from everyone x
        union all select 'ORG', x.organization_id::text::varchar, x.event_id, x.answered from everyone x
            where x.organization_id is not null
    ), event_answered as (
        -- per cell and event: its answered counted responses, the new ones included
        select l.dimension, l.key, l.event_id, count(*) filter (where l.answered)::int as answered
        from everyone_lines l group by l.dimension, l.key, l.event_id
    ), added_events as (
        -- an event counts in a cell from its first answered response there
        select a.dimension, a.key,
               count(*) filter (where a.answered > 0 and w.answered = a.answered)::int as events
        from (select dimension, key, event_id, count(*) filter (where answered)::int as answered
              from added_lines group by dimension, key, event_id) a
        join event_answered w on w.dimension = a.dimension and w.key = a.key and w.event_id = a.event_id
        group by a.dimension, a.key
    ), sums as (
        select dimension, key,
               count(*) filter (where kind = 'POST_EVENT')::int as post,
               count(*) filter (where kind = 'FOLLOW_UP')::int as follow,
               count(*) filter (where kind = 'POST_EVENT' and answered)::int as post_answered,
               count(*) filter (where kind = 'FOLLOW_UP' and answered)::int as follow_answered,
               coalesce(sum(usefulness) filter (where kind = 'POST_EVENT'), 0)::int as usefulness_sum,
               count(usefulness) filter (where kind = 'POST_EVENT')::int as usefulness_n,
               coalesce(sum(applicability) filter (where kind = 'POST_EVENT'), 0)::int as applicability_sum,
               count(applicability) filter (where kind = 'POST_EVENT')::int as applicability_n,
               count(*) filter (where kind = 'FOLLOW_UP' and applied)::int as applied,
               count(*) filter (where kind = 'FOLLOW_UP' and applied_yes)::int as applied_yes
        from added_lines group by dimension, key
    ), tails as (
        -- per touched cell and kind: the newest 9 of the old tail and the new rows, each entry with its
        -- event's answered count in the cell read again when the new rows touch that event
        select s.dimension, s.key, v.kind,
               (select coalesce(array_agg(row(t.id, t.event_id, t.answered, t.usefulness, t.applicability, t.applied,
                       t.applied_yes, coalesce(w.answered, t.event_answered))::survey_fold_entry order by t.id desc), '{}')
                from (select u.* from (
                          select e.* from unnest(case v.kind when 'POST_EVENT' then o.post_tail else o.follow_tail end) e
                          union all
                          select l.id, l.event_id, l.answered, l.usefulness, l.applicability, l.applied, l.applied_yes, null
                          from added_lines l where l.dimension = s.dimension and l.key = s.key and l.kind = v.kind
                      ) u order by u.id desc limit 9) t
                left join event_answered w on w.dimension = s.dimension and w.key = s.key and w.event_id = t.event_id)
                   as tail
        from sums s cross join (values ('POST_EVENT'::varchar), ('FOLLOW_UP'::varchar)) as v (kind)
        left join survey_results_fold o on o.region_id = r and o.year = y and o.dimension = s.dimension and o.key = s.key
    ), cells as (
        select s.dimension, s.key,
               coalesce(o.post, 0) + s.post as post, coalesce(o.follow, 0) + s.follow as follow,
               coalesce(o.post_answered, 0) + s.post_answered as post_answered,
               coalesce(o.follow_answered, 0) + s.follow_answered as follow_answered,
               coalesce(o.usefulness_sum, 0) + s.usefulness_sum as usefulness_sum,
               coalesce(o.usefulness_n, 0) + s.usefulness_n as usefulness_n,
               coalesce(o.applicability_sum, 0) + s.applicability_sum as applicability_sum,
               coalesce(o.applicability_n, 0) + s.applicability_n as applicability_n,
               coalesce(o.applied, 0) + s.applied as applied, coalesce(o.applied_yes, 0) + s.applied_yes as applied_yes,
               coalesce(o.events, 0) + n.events as events, pt.tail as post_tail, ft.tail as follow_tail
        from sums s
        join added_events n on n.dimension = s.dimension and n.key = s.key
        join tails pt on pt.dimension = s.dimension and pt.key = s.key and pt.kind = 'POST_EVENT'
        join tails ft on ft.dimension = s.dimension and ft.key = s.key and ft.kind = 'FOLLOW_UP'
        left join survey_results_fold o on o.region_id = r and o.year = y and o.dimension = s.dimension and o.key = s.key
    )
    -- published as in surveys_results_fold_compute (V383): a change to the rule changes both; ResultsFoldTests
    -- compares the cells additions leave with a rebuild's, published figures included
    select r, y, c.dimension, c.key, c.post, c.follow, c.post_answered, c.follow_answered, c.usefulness_sum,
           c.usefulness_n, c.applicability_sum, c.applicability_n, c.applied, c.applied_yes, c.events, c.post_tail,
           c.follow_tail, k, c.post - c.post % k + c.follow - c.follow % k,
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

-- Refreshes one key: folds its unfolded score rows, then adds them to the cells, or recomputes the key's
-- cells whole when it is marked dirty (or its cells were computed for another threshold). Returns the rows
-- added, or null when the key was recomputed. The mark is looked at after the fold, so a mark committed
-- meanwhile is seen. Keys are locked one at a time; a rebuild excludes them.
drop function surveys_results_fold_refresh(bigint, integer, integer);
create function surveys_results_fold_refresh(r bigint, y integer, k integer) returns integer language plpgsql as $$
declare
    ids bigint[];
begin
    perform pg_advisory_xact_lock_shared(hashtextextended('surveys_results_fold', 0));
    perform pg_advisory_xact_lock(hashtextextended('surveys_results_fold/' || r || '/' || y, 0));
    with folded as (
        update survey_response_score f set folded = true
        from event_survey s, training_v_event e, organizations_v_unit o
        where not f.folded and s.id = f.event_survey_id and e.id = s.event_id and o.id = e.organizer_unit_id
          and surveys_fold_region(o.path) = r
          and e.starts_at >= make_timestamp(y, 1, 1, 0, 0, 0) and e.starts_at < make_timestamp(y + 1, 1, 1, 0, 0, 0)
        returning f.response_id)
    select coalesce(array_agg(response_id), '{}') into ids from folded;
    if exists (select 1 from survey_results_dirty d where d.region_id = r and d.year = y)
       or exists (select 1 from survey_results_fold c where c.region_id = r and c.year = y and c.k <> surveys_results_fold_refresh.k) then
        delete from survey_results_dirty d where d.region_id = r and d.year = y;
        delete from survey_results_fold c where c.region_id = r and c.year = y;
        insert into survey_results_fold select * from surveys_results_fold_compute(r, y, k);
        return null;
    end if;
    if cardinality(ids) > 0 then
        insert into survey_results_fold select * from surveys_results_fold_add(r, y, k, ids)
        on conflict (year, dimension, region_id, key) do update set
            post = excluded.post, follow = excluded.follow, post_answered = excluded.post_answered,
            follow_answered = excluded.follow_answered, usefulness_sum = excluded.usefulness_sum,
            usefulness_n = excluded.usefulness_n, applicability_sum = excluded.applicability_sum,
            applicability_n = excluded.applicability_n, applied = excluded.applied, applied_yes = excluded.applied_yes,
            events = excluded.events, post_tail = excluded.post_tail, follow_tail = excluded.follow_tail, k = excluded.k,
            pub_published = excluded.pub_published, pub_events = excluded.pub_events,
            pub_post_answered = excluded.pub_post_answered, pub_follow_answered = excluded.pub_follow_answered,
            pub_usefulness_sum = excluded.pub_usefulness_sum, pub_usefulness_n = excluded.pub_usefulness_n,
            pub_applicability_sum = excluded.pub_applicability_sum, pub_applicability_n = excluded.pub_applicability_n,
            pub_applied = excluded.pub_applied, pub_applied_yes = excluded.pub_applied_yes;
    end if;
    return cardinality(ids);
end
$$;
