-- Issue #17 part 5 (decision 0041): a new response's score row without computing it twice. The public
-- form writes a response and its answers in one statement, and both insert triggers of V240 computed
-- the response's figures from its answers (about 0.9 ms for the response's, 0.6 ms for the answers',
-- a third of a stored answer's time in PostgreSQL). A response that has just been inserted can only
-- have answers inserted with it or after it, and every insert of answers recomputes its responses
-- (survey_response_score_on_answer_insert); so the response's own insert only writes the row of a
-- response without answers, and leaves alone a row the answers' trigger already wrote (whichever of
-- the two statement triggers fires first, the row ends up exact). Updates of responses still
-- recompute in full (surveys_response_scores_refresh_responses, unchanged).
create function surveys_response_scores_insert_responses() returns trigger language plpgsql as $$
begin
    insert into survey_response_score (response_id, event_survey_id, kind, flagged, organization_id)
    select c.id, c.event_survey_id, s.kind, c.flagged, c.organization_id
    from changed c join event_survey s on s.id = c.event_survey_id
    on conflict (response_id) do nothing;
    return null;
end
$$;

drop trigger survey_response_score_on_response_insert on survey_response;
create trigger survey_response_score_on_response_insert after insert on survey_response
    referencing new table as changed for each statement execute function surveys_response_scores_insert_responses();
