package kz.oqytu.training;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/**
 * An event as a calendar shows it (issue #20, part 3): what it is, when (local date-times in the
 * union's zone), where, its status and its revision ({@code version} goes up with every change,
 * {@code updatedAt} is the last one).
 */
public record CalendarEntry(long id, String titleKk, String titleRu, String formCode, List<String> topicCodes,
		LocalDateTime startsAt, LocalDateTime endsAt, BigDecimal academicHours, VenueKind venueKind, String districtKk,
		String districtRu, String hostKk, String hostRu, String venueDetails, String trainers, String announcementUrl,
		EventStatus status, int version, Instant updatedAt) {

	public String title(Locale locale) {
		return LocalizedText.pick(locale, titleKk, titleRu);
	}

	public String district(Locale locale) {
		return districtKk == null ? null : LocalizedText.pick(locale, districtKk, districtRu);
	}

	public String host(Locale locale) {
		return hostKk == null ? null : LocalizedText.pick(locale, hostKk, hostRu);
	}
}
