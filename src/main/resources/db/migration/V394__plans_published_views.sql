-- Issue #21, part 4 (decision 0056): the regional plan's items as other modules read them (a topic
-- request is planned in an item, a resolution's task links items): the item with its plan's body and
-- year. A simple view: PostgreSQL inlines it, so plans and indexes are those of the tables.
create view plans_v_item as
select i.id, i.plan_id, p.org_unit_id, p.year, i.position, i.title_kk, i.title_ru
from plan_item i
join training_plan p on p.id = i.plan_id;
