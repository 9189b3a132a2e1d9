package kz.oqytu.training;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;

/**
 * Create or change an event. {@code headCounts} (category code → participants) is applied unless
 * the event has a named participant list; null leaves the counts as they are.
 */
public record EventCommand(String titleKk, String titleRu, String formCode, Set<String> topicCodes,
		LocalDateTime startsAt, LocalDateTime endsAt, BigDecimal academicHours, VenueKind venueKind, Long districtId,
		Long hostOrganizationId, String venueDetails, String trainers, Set<ActiveMethod> methods,
		String announcementUrl, String notes, EventStatus status, Map<String, Integer> headCounts) {
}
