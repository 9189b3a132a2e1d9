-- Issue #17 (decision 38): the survey results overview (/surveys/results) folded per organizing region
-- and year, so that the country sums a few thousand rows and a region reads its own, instead of
-- numbering a year's 200 000 responses per grouping at every page.
--
-- A cell is (region, year, dimension, key): the counted (unflagged) responses of the region's events
-- of that year, grouped as the overview groups them (TOTAL; FORM; TOPIC, an event under each of its
-- topics; DISTRICT; DAYS, the event's calendar days, so the short/longer threshold stays a property
-- applied at read time; ORG, the respondent's organization). It keeps the sums of all those responses
-- and, per survey kind, the last 9 of them (newest first). Decision 17 publishes per line and kind the
-- first k*floor(n/k) responses in the order they came, i.e. all but the last n mod k (< k): a line is
-- the sum of its cells minus the newest n mod k responses among its cells' tails. That holds for any
-- k <= 10 and for lines that span several cells (the country's, the short formats).
--
-- Kept current without touching the survey submit: a score row (V240) is written unfolded (folded =
-- false); a change of events or of the tree marks its keys in survey_results_dirty. A reader refreshes
-- the dirty keys of its scope and year before reading (surveys_results_fold_refresh), and a job folds
-- the rest in the background.

-- Existing rows are folded by the rebuild at the end; new rows come unfolded.
alter table survey_response_score add column folded boolean not null default true;
alter table survey_response_score alter column folded set default false;
create index survey_response_score_unfolded_idx on survey_response_score (response_id) where not folded;

-- The fold's key of an organizer: the child of the root its path passes through, or the root itself.
create function surveys_fold_region(path varchar) returns bigint language sql immutable parallel safe as $$
    select coalesce(nullif(split_part(path, '/', 3), ''), split_part(path, '/', 2))::bigint
$$;

-- One counted response at the end of a cell: its figures and how many answered counted responses its
-- event has in the cell (both kinds), so a reader knows when leaving it out leaves its event out.
create type survey_fold_entry as (
    id bigint, event_id bigint, answered boolean, usefulness smallint, applicability smallint,
    applied boolean, applied_yes boolean, event_answered integer);

create table survey_results_fold (
    region_id         bigint      not null,
    year              integer     not null,
    dimension         varchar(8)  not null check (dimension in ('TOTAL', 'FORM', 'TOPIC', 'DISTRICT', 'DAYS', 'ORG')),
    key               varchar(40) not null,
    post              integer     not null,
    follow            integer     not null,
    post_answered     integer     not null,
    follow_answered   integer     not null,
    usefulness_sum    integer     not null,
    usefulness_n      integer     not null,
    applicability_sum integer     not null,
    applicability_n   integer     not null,
    applied           integer     not null,
    applied_yes       integer     not null,
    -- events with an answered counted response (either kind)
    events            integer     not null,
    post_tail         survey_fold_entry[] not null,
    follow_tail       survey_fold_entry[] not null,
    -- the cell's figures published as if it were a line alone, for the threshold k (decision 17): what a
    -- line of one cell reads (a region's lines, the country's organizations and districts)
    k                   integer not null,
    pub_published       integer not null,
    pub_events          integer not null,
    pub_post_answered   integer not null,
    pub_follow_answered integer not null,
    pub_usefulness_sum  integer not null,
    pub_usefulness_n    integer not null,
    pub_applicability_sum integer not null,
    pub_applicability_n integer not null,
    pub_applied         integer not null,
    pub_applied_yes     integer not null,
    primary key (year, dimension, region_id, key)
);
create index survey_results_fold_region_idx on survey_results_fold (region_id, year);

-- Keys whose cells are out of date for a reason the score rows do not show (an event moved, edited
-- or deleted; a unit moved; a response deleted).
create table survey_results_dirty (
    region_id bigint  not null,
    year      integer not null,
    primary key (region_id, year)
);

-- The cells of one key (r, y), or of every key when r is null, computed from the score rows, with the
-- figures published for the threshold k.
create function surveys_results_fold_compute(r bigint, y integer, k integer) returns setof survey_results_fold
language sql stable as $$
    with rows as (
        select surveys_fold_region(o.path) as region_id, extract(year from e.starts_at)::int as year,
               f.response_id as id, f.kind, f.answered, f.usefulness, f.applicability, f.applied, f.applied_yes,
               f.organization_id, s.event_id, e.form_code, e.district_id,
               (e.ends_at::date - e.starts_at::date + 1) as days
        from org_unit o
        join training_event e on e.organizer_unit_id = o.id
        join event_survey s on s.event_id = e.id
        join survey_response_score f on f.event_survey_id = s.id
        where not f.flagged
          and (r is null or (o.path like (select u.path from org_unit u where u.id = r) || '%'
               and surveys_fold_region(o.path) = r
               and e.starts_at >= make_timestamp(y, 1, 1, 0, 0, 0) and e.starts_at < make_timestamp(y + 1, 1, 1, 0, 0, 0)))
    ), lines as (
        select 'TOTAL' as dimension, '' as key, x.* from rows x
        union all select 'FORM', x.form_code, x.* from rows x
        union all select 'TOPIC', t.topic_code, x.* from rows x join training_event_topic t on t.event_id = x.event_id
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

-- Recomputes one key: marks its unfolded score rows folded first, then computes the cells (a later
-- statement, so it sees at least those rows). Keys are locked one at a time; a rebuild excludes them.
create function surveys_results_fold_refresh(r bigint, y integer, k integer) returns void language plpgsql as $$
begin
    perform pg_advisory_xact_lock_shared(hashtextextended('surveys_results_fold', 0));
    perform pg_advisory_xact_lock(hashtextextended('surveys_results_fold/' || r || '/' || y, 0));
    update survey_response_score f set folded = true
    from event_survey s, training_event e, org_unit o
    where not f.folded and s.id = f.event_survey_id and e.id = s.event_id and o.id = e.organizer_unit_id
      and surveys_fold_region(o.path) = r
      and e.starts_at >= make_timestamp(y, 1, 1, 0, 0, 0) and e.starts_at < make_timestamp(y + 1, 1, 1, 0, 0, 0);
    delete from survey_results_dirty d where d.region_id = r and d.year = y;
    delete from survey_results_fold c where c.region_id = r and c.year = y;
    insert into survey_results_fold select * from surveys_results_fold_compute(r, y, k);
end
$$;

-- The keys under a scope (a path prefix) that need a refresh; all years when y is null.
create function surveys_results_fold_dirty(scope varchar, y integer) returns table (region_id bigint, year integer)
language sql stable as $$
    select d.region_id, d.year from survey_results_dirty d join org_unit u on u.id = d.region_id
    where u.path like scope || '%' and (y is null or d.year = y)
    union
    select surveys_fold_region(o.path), extract(year from e.starts_at)::int
    from survey_response_score f join event_survey s on s.id = f.event_survey_id
    join training_event e on e.id = s.event_id join org_unit o on o.id = e.organizer_unit_id
    where not f.folded and o.path like scope || '%'
      and (y is null or (e.starts_at >= make_timestamp(y, 1, 1, 0, 0, 0) and e.starts_at < make_timestamp(y + 1, 1, 1, 0, 0, 0)))
$$;

-- Rebuilds every cell from the score rows; returns the cells written. Excludes refreshes while it runs.
create function surveys_results_fold_rebuild(k integer default 5) returns bigint language plpgsql as $$
declare
    written bigint;
begin
    perform pg_advisory_xact_lock(hashtextextended('surveys_results_fold', 0));
    lock table survey_results_fold in exclusive mode;
    update survey_response_score set folded = true where not folded;
    delete from survey_results_dirty;
    delete from survey_results_fold;
    insert into survey_results_fold select * from surveys_results_fold_compute(null, null, k);
    get diagnostics written = row_count;
    return written;
end
$$;

-- A response removed takes its score row along: its key is marked.
create function surveys_results_fold_mark_removed() returns trigger language plpgsql as $$
begin
    insert into survey_results_dirty (region_id, year)
    select distinct surveys_fold_region(o.path), extract(year from e.starts_at)::int
    from changed c join event_survey s on s.id = c.event_survey_id join training_event e on e.id = s.event_id
    join org_unit o on o.id = e.organizer_unit_id
    where not c.flagged
    on conflict do nothing;
    return null;
end
$$;
create trigger survey_results_fold_on_score_delete after delete on survey_response_score
    referencing old table as changed for each statement execute function surveys_results_fold_mark_removed();

-- A score row recomputed (answers or the response changed) is unfolded again.
create or replace function surveys_response_scores_refresh() returns trigger language plpgsql as $$
begin
    insert into survey_response_score
    select *, false from surveys_response_scores(array(select distinct response_id from changed))
    on conflict (response_id) do update set
        event_survey_id = excluded.event_survey_id, kind = excluded.kind, flagged = excluded.flagged,
        organization_id = excluded.organization_id, answered = excluded.answered,
        usefulness = excluded.usefulness, applicability = excluded.applicability,
        applied = excluded.applied, applied_yes = excluded.applied_yes, folded = false;
    return null;
end
$$;

create or replace function surveys_response_scores_refresh_responses() returns trigger language plpgsql as $$
begin
    insert into survey_response_score
    select *, false from surveys_response_scores(array(select id from changed))
    on conflict (response_id) do update set
        event_survey_id = excluded.event_survey_id, kind = excluded.kind, flagged = excluded.flagged,
        organization_id = excluded.organization_id, answered = excluded.answered,
        usefulness = excluded.usefulness, applicability = excluded.applicability,
        applied = excluded.applied, applied_yes = excluded.applied_yes, folded = false;
    return null;
end
$$;

select surveys_results_fold_rebuild();
