-- Issue #21, part 4 (decision 0056): the planning module is split into its capabilities. Landed
-- migrations keep their names (V070__planning_...), so the schema itself records who owns each table
-- now: ModuleWallsTests reads "comment on table X is 'module: M'" as the hand-over of X to module M.
-- The regional annual plan, its items and their execution stay together in the plans module.
comment on table training_plan is 'module: plans';
comment on table plan_item is 'module: plans';
comment on table plan_item_topic is 'module: plans';
comment on table plan_item_category is 'module: plans';
comment on table plan_item_target is 'module: plans';
comment on table plan_item_event is 'module: plans';
