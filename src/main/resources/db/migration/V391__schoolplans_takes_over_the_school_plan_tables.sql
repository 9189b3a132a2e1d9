-- Issue #21, part 4 (decision 0056): the primary organizations' school plans, created by
-- V071__planning_school_plans.sql, belong to the schoolplans module.
comment on table school_plan is 'module: schoolplans';
comment on table school_plan_item is 'module: schoolplans';
