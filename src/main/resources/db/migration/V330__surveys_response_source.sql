-- Issue #20 part 4 (decision 46): paper questionnaires typed in by the methodologist. Each response says
-- where it came from; a paper one also names the account that typed it (an id, as across modules).
-- Constant defaults: PostgreSQL adds both columns without rewriting the table.
alter table survey_response add column source varchar(5) not null default 'QR'
    constraint survey_response_source check (source in ('QR', 'PAPER'));
alter table survey_response add column entered_by bigint;
alter table survey_response add constraint survey_response_paper_entered_by
    check (source = 'QR' or entered_by is not null);
-- Paper answers are few: the sheets entered for a survey and the paper share of a scope and year read
-- them through this index instead of the survey's every response.
create index survey_response_paper_idx on survey_response (event_survey_id) where source = 'PAPER';
