package kz.oqytu.requests;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import kz.oqytu.shared.LocalizedText;

/**
 * The demand the requests of a year express, per topic: requests, expected participants, and
 * requests by participant category and by district (a request with several topics counts for each).
 */
public record RequestDemand(int year, List<Line> lines, long requests, long organizations) {

	public record Line(String topicCode, String nameKk, String nameRu, long requests, long expectedParticipants,
			Map<String, Long> byCategory, Map<Long, Long> byDistrict) {

		public String name(Locale locale) {
			return LocalizedText.pick(locale, nameKk, nameRu);
		}

		public long category(String code) {
			return byCategory.getOrDefault(code, 0L);
		}

		public long district(Long id) {
			return byDistrict.getOrDefault(id, 0L);
		}
	}
}
