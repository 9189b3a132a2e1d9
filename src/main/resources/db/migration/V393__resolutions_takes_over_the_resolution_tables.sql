-- Issue #21, part 4 (decision 0056): the executive committee's resolutions and their tasks, created by
-- V073__planning_resolutions.sql, belong to the resolutions module.
comment on table resolution is 'module: resolutions';
comment on table resolution_task is 'module: resolutions';
comment on table resolution_task_link is 'module: resolutions';
