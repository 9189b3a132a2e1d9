package kz.oqytu.reports;

import java.util.Locale;

import kz.oqytu.shared.LocalizedText;
import kz.oqytu.shared.Percent;

/**
 * One line of a breakdown (a district, a form, a topic, a month, an organization): events held,
 * people trained and, where members are known, the coverage. {@code key} is what the line links to.
 */
public record Breakdown(String key, String nameKk, String nameRu, long events, long participants, Long members) {

	public String name(Locale locale) {
		return LocalizedText.pick(locale, nameKk, nameRu);
	}

	public Percent coverage() {
		return members == null ? null : Percent.of(participants, members).orElse(null);
	}
}
