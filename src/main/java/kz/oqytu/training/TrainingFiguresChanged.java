package kz.oqytu.training;

/**
 * Published inside the writing transaction whenever an event's figures may have changed: the event
 * itself (created, edited, cancelled, moved in time or to another organizer), its head counts, its
 * named list or its counts by organization. It carries where the event was counted before the change
 * and where it is counted after it (organizer unit and start year; null before a creation and after a
 * deletion), so that derived tables (the reports module's rollups) recompute both places.
 */
public record TrainingFiguresChanged(long eventId, Long organizerBefore, Integer yearBefore, Long organizerAfter,
		Integer yearAfter) {

	public static TrainingFiguresChanged created(long eventId, long organizer, int year) {
		return new TrainingFiguresChanged(eventId, null, null, organizer, year);
	}

	/** A change that left the event where it was (counts, lists, status). */
	public static TrainingFiguresChanged in(long eventId, long organizer, int year) {
		return new TrainingFiguresChanged(eventId, organizer, year, organizer, year);
	}

	public static TrainingFiguresChanged deleted(long eventId, long organizer, int year) {
		return new TrainingFiguresChanged(eventId, organizer, year, null, null);
	}
}
