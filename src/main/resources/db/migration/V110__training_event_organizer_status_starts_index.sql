-- Reports and lists filter events by their organizer's subtree, status and start date. With this index
-- a region's events per year come from an index-only scan merged with the region's units, instead of
-- a scan of every event of the union (EXPLAIN in docs/performance.md). It covers the organizer-only
-- index of V006, which it replaces.
create index training_event_organizer_status_starts_idx on training_event (organizer_unit_id, status, starts_at);

drop index training_event_organizer_idx;
