-- Issue #19, item 4: an answer queued in the browser while offline carries a key drawn by the
-- browser; sent twice (the network came back mid-answer), it is stored once (decision 29).
alter table survey_response add column submission_key uuid;
alter table survey_response add constraint survey_response_submission_once unique (submission_key);
