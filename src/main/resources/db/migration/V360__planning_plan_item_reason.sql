-- Issue #22, part 3 (decision 0050): a plan item drafted from the coverage gap says why it is there,
-- in Kazakh and Russian like its title, and is marked as drafted so drafting again replaces it
-- instead of adding a second set. Items written by hand keep drafted = false and no reason.
alter table plan_item add column reason_kk varchar(2000);
alter table plan_item add column reason_ru varchar(2000);
alter table plan_item add column drafted boolean not null default false;
