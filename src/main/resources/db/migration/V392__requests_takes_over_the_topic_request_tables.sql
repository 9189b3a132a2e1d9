-- Issue #21, part 4 (decision 0056): topic requests and request campaigns, created by
-- V072__planning_topic_requests.sql, belong to the requests module. topic_request.plan_item_id keeps
-- its foreign key to plan_item: the database guards an id the plans module hands out.
comment on table topic_request is 'module: requests';
comment on table topic_request_topic is 'module: requests';
comment on table topic_request_category is 'module: requests';
comment on table request_campaign is 'module: requests';
