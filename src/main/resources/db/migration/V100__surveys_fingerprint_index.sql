-- Every answer counts the earlier answers to its survey from the same fingerprint (to flag one device
-- answering many times); a hall of hundreds answering at once makes that count hot.
create index survey_response_fingerprint on survey_response (event_survey_id, fingerprint);
