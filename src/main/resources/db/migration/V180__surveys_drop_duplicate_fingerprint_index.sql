-- V100 created survey_response_fingerprint on (event_survey_id, fingerprint), the very columns of V010's
-- survey_response_fingerprint_idx: every answer paid for two identical B-trees. The fingerprint count uses
-- either, so the older one, named like its neighbours, stays.
drop index if exists survey_response_fingerprint;
