package kz.oqytu.training;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/** One event in the list or calendar. */
public record EventRow(long id, String titleKk, String titleRu, String formCode, LocalDateTime startsAt,
		LocalDateTime endsAt, Long districtId, String districtKk, String districtRu, EventStatus status,
		long participants, List<String> topicCodes) {

	public String title(Locale locale) {
		return LocalizedText.pick(locale, titleKk, titleRu);
	}

	public String district(Locale locale) {
		return LocalizedText.pick(locale, districtKk, districtRu);
	}
}
