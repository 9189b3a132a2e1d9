package kz.oqytu.training;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import kz.oqytu.shared.LocalizedText;

/** An event's page. {@code headCounts} holds every category (0 when none). */
public record EventDetails(long id, String titleKk, String titleRu, String formCode, Set<String> topicCodes,
		LocalDateTime startsAt, LocalDateTime endsAt, BigDecimal academicHours, VenueKind venueKind, Long districtId,
		String districtKk, String districtRu, Long hostOrganizationId, String hostKk, String hostRu,
		String venueDetails, String trainers, Set<ActiveMethod> methods, String announcementUrl, String notes,
		EventStatus status, Map<String, Integer> headCounts, int namedParticipants, boolean shortFormat, int version) {

	public String title(Locale locale) {
		return LocalizedText.pick(locale, titleKk, titleRu);
	}

	public String district(Locale locale) {
		return LocalizedText.pick(locale, districtKk, districtRu);
	}

	public String host(Locale locale) {
		return LocalizedText.pick(locale, hostKk, hostRu);
	}

	/** Always the sum of the categories. */
	public int totalParticipants() {
		return headCounts.values().stream().mapToInt(Integer::intValue).sum();
	}

	public boolean hasNamedList() {
		return namedParticipants > 0;
	}

	public List<String> topicList() {
		return topicCodes.stream().sorted().toList();
	}
}
