-- Issue #20 part 3 (decision 0043): a counter that moves with every write to the events, whatever
-- the clocks say. The calendar feeds' ETag used the newest updated_at alone; an event written under
-- another clock (tests run several application contexts, each with a clock of its own; an operator's
-- clock set back) could change a feed without changing that maximum, and a phone sending the old
-- ETag got 304 for a changed feed. A statement trigger draws from a sequence: no row is locked, a
-- sequence never goes back, and reading it is one cheap statement. The ETag keeps the newest
-- updated_at too, so a poll between a write and its commit cannot pin the old feed under the new
-- count.
create sequence training_event_change_seq;

create function training_event_count_change() returns trigger language plpgsql as $$
begin
    perform nextval('training_event_change_seq');
    return null;
end
$$;

create trigger training_event_counts_changes after insert or update or delete on training_event
    for each statement execute function training_event_count_change();
