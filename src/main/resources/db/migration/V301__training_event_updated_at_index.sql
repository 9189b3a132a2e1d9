-- kz.oqytu.training.TrainingCalendar.lastChange (issue #20, part 3): the last change of any event, the
-- Last-Modified of the calendar feeds, read on every poll of a phone: one index probe.
create index training_event_updated_at_idx on training_event (updated_at);
