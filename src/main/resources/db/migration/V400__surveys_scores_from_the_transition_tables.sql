-- Issue #17 (S2): the answers' score trigger computes straight from its transition table. It called
-- surveys_response_scores(array(select ... from changed)), and one stored answer spent about half of its
-- PostgreSQL time there: a response and 6 answers in one statement, 8 clients on a copy of the national
-- data set (pgbench), 1 509 statements a second with that trigger, 1 420-1 521 with the ids handed to the
-- function in a variable or through unnest, 2 755 with the same query over the transition table (this
-- one), 3 061 with no trigger at all.
-- The figures are those of surveys_response_scores (V240), which stays the definition (and what the
-- responses' own update trigger, off the answers' path, still calls):
-- SurveyResponseScoreTests compares every score row with it after random responses, edits and removals.
create or replace function surveys_response_scores_refresh() returns trigger language plpgsql as $$
begin
    insert into survey_response_score
    select r.id, r.event_survey_id, s.kind, r.flagged, r.organization_id,
           count(a.response_id) > 0,
           max(a.rating) filter (where q.code = 'usefulness')::smallint,
           max(a.rating) filter (where q.code = 'applicability')::smallint,
           coalesce(bool_or(q.code = 'applied'), false),
           coalesce(bool_or(q.code = 'applied' and a.option_code in ('YES', 'PARTLY')), false),
           false
    from (select distinct response_id from changed) c
    join survey_response r on r.id = c.response_id
    join event_survey s on s.id = r.event_survey_id
    left join survey_answer a on a.response_id = r.id
    left join question q on q.id = a.question_id
    group by r.id, s.kind
    on conflict (response_id) do update set
        event_survey_id = excluded.event_survey_id, kind = excluded.kind, flagged = excluded.flagged,
        organization_id = excluded.organization_id, answered = excluded.answered,
        usefulness = excluded.usefulness, applicability = excluded.applicability,
        applied = excluded.applied, applied_yes = excluded.applied_yes, folded = false;
    return null;
end
$$;
