-- kz.oqytu.surveys.domain.SurveyAnswers (issue #17, decision 0062): the answers to a survey from one
-- address, counted per minute of the application's clock. The "one address" flag (an answer after
-- oqytu.surveys.address-flag-threshold others from its address within oqytu.surveys.address-window) then
-- adds up the window's whole minutes here and counts rows only in the window's first, partial minute,
-- where it counted up to the threshold's worth of rows (1 000 by default) for every answer of a hall
-- behind one address. The answer's own statement writes it (it is the only writer of address_key), in
-- the same statement as the response, so a count and its rows never disagree; minutes older than the
-- window are cleared out once a minute (SubmitLimits). Logged: the flag is a rule methodologists read.
-- No foreign key: a survey's rows outlive it by at most the window.
create table survey_address_minute (
    event_survey_id bigint      not null,
    address_key     varchar(32) not null,
    -- minutes since the epoch, on the application's clock (as survey_submit_count.minute)
    minute          bigint      not null,
    answers         integer     not null,
    primary key (event_survey_id, address_key, minute)
) with (fillfactor = 50);

-- the answers given shortly before this migration (a day covers any window worth configuring)
insert into survey_address_minute (event_survey_id, address_key, minute, answers)
select event_survey_id, address_key, floor(extract(epoch from submitted_at) / 60)::bigint, count(*)
from survey_response
where address_key is not null and submitted_at > now() - interval '1 day'
group by 1, 2, 3;
