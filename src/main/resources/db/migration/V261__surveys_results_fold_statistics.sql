-- Decision 38: statistics for the planner right after V260. The score rows' new "folded" column got its
-- value without a write (a default), so autovacuum would not analyze it for a long time, and without
-- statistics "not folded" is planned as half the table: the reader's check for unfolded rows then read
-- every event instead of the few unfolded rows of the partial index.
analyze survey_response_score;
analyze survey_results_fold;
