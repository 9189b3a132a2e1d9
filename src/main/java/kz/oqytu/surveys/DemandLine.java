package kz.oqytu.surveys;

import java.util.Locale;
import java.util.Map;

import kz.oqytu.shared.LocalizedText;

/** How many respondents asked for a topic, in all and by participant category and by district. */
public record DemandLine(String topicCode, String nameKk, String nameRu, long wishes, Map<String, Long> byCategory,
		Map<Long, Long> byDistrict) {

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
