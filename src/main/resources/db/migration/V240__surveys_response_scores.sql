-- Issue #17 (decision 36): one row per survey response with the figures the results overview reads
-- (the two ratings, whether "applied" was answered and how), so the year's overview reads one narrow
-- row per response instead of joining its five answers. Derived from survey_response and
-- survey_answer, kept current by statement triggers in the inserting transaction (every writer:
-- the public form, paper forms, the data generator), and rebuilt by surveys_response_score_rebuild().
create table survey_response_score (
    response_id     bigint      primary key references survey_response (id) on delete cascade,
    event_survey_id bigint      not null,
    kind            varchar(16) not null,
    flagged         boolean     not null,
    organization_id bigint,
    -- the response has at least one answer (the overview counts answered responses)
    answered        boolean     not null default false,
    usefulness      smallint,
    applicability   smallint,
    applied         boolean     not null default false,
    applied_yes     boolean     not null default false
);
create index survey_response_score_survey_idx on survey_response_score (event_survey_id);

-- The figures of the given responses, computed from their answers.
create function surveys_response_scores(ids bigint[]) returns table (
    response_id bigint, event_survey_id bigint, kind varchar, flagged boolean, organization_id bigint,
    answered boolean, usefulness smallint, applicability smallint, applied boolean, applied_yes boolean)
language sql stable as $$
    select r.id, r.event_survey_id, s.kind, r.flagged, r.organization_id,
           count(a.response_id) > 0,
           max(a.rating) filter (where q.code = 'usefulness')::smallint,
           max(a.rating) filter (where q.code = 'applicability')::smallint,
           coalesce(bool_or(q.code = 'applied'), false),
           coalesce(bool_or(q.code = 'applied' and a.option_code in ('YES', 'PARTLY')), false)
    from survey_response r
    join event_survey s on s.id = r.event_survey_id
    left join survey_answer a on a.response_id = r.id
    left join question q on q.id = a.question_id
    where r.id = any (ids)
    group by r.id, s.kind
$$;

create function surveys_response_scores_refresh() returns trigger language plpgsql as $$
begin
    insert into survey_response_score
    select * from surveys_response_scores(array(select distinct response_id from changed))
    on conflict (response_id) do update set
        event_survey_id = excluded.event_survey_id, kind = excluded.kind, flagged = excluded.flagged,
        organization_id = excluded.organization_id, answered = excluded.answered,
        usefulness = excluded.usefulness, applicability = excluded.applicability,
        applied = excluded.applied, applied_yes = excluded.applied_yes;
    return null;
end
$$;

create function surveys_response_scores_refresh_responses() returns trigger language plpgsql as $$
begin
    insert into survey_response_score
    select * from surveys_response_scores(array(select id from changed))
    on conflict (response_id) do update set
        event_survey_id = excluded.event_survey_id, kind = excluded.kind, flagged = excluded.flagged,
        organization_id = excluded.organization_id, answered = excluded.answered,
        usefulness = excluded.usefulness, applicability = excluded.applicability,
        applied = excluded.applied, applied_yes = excluded.applied_yes;
    return null;
end
$$;

-- A response and its answers are written by one statement (the public form) or two (paper forms):
-- whichever fires last recomputes the response from both, so the order does not matter.
create trigger survey_response_score_on_response_insert after insert on survey_response
    referencing new table as changed for each statement execute function surveys_response_scores_refresh_responses();
create trigger survey_response_score_on_response_update after update on survey_response
    referencing new table as changed for each statement execute function surveys_response_scores_refresh_responses();
create trigger survey_response_score_on_answer_insert after insert on survey_answer
    referencing new table as changed for each statement execute function surveys_response_scores_refresh();
create trigger survey_response_score_on_answer_update after update on survey_answer
    referencing new table as changed for each statement execute function surveys_response_scores_refresh();
create trigger survey_response_score_on_answer_delete after delete on survey_answer
    referencing old table as changed for each statement execute function surveys_response_scores_refresh();

-- Rebuilds the table from the responses and their answers; returns the rows written. Run it after
-- loading responses with the triggers disabled, or to check the table (decision 36).
create function surveys_response_score_rebuild() returns bigint language plpgsql as $$
declare
    written bigint;
begin
    lock table survey_response_score in exclusive mode;
    delete from survey_response_score;
    insert into survey_response_score
    select r.id, r.event_survey_id, s.kind, r.flagged, r.organization_id,
           count(a.response_id) > 0,
           max(a.rating) filter (where q.code = 'usefulness')::smallint,
           max(a.rating) filter (where q.code = 'applicability')::smallint,
           coalesce(bool_or(q.code = 'applied'), false),
           coalesce(bool_or(q.code = 'applied' and a.option_code in ('YES', 'PARTLY')), false)
    from survey_response r
    join event_survey s on s.id = r.event_survey_id
    left join survey_answer a on a.response_id = r.id
    left join question q on q.id = a.question_id
    group by r.id, s.kind;
    get diagnostics written = row_count;
    return written;
end
$$;

select surveys_response_score_rebuild();
