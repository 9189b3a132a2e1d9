package kz.oqytu.training;

import java.time.LocalDateTime;

/**
 * Published, inside the writing transaction, whenever an event is created or its dates or status
 * change; the surveys module keeps each event's survey windows in step with it.
 */
public record EventScheduled(long eventId, LocalDateTime startsAt, LocalDateTime endsAt, EventStatus status,
		boolean created) {
}
