package kz.oqytu.shared;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Text kept in Kazakh and Russian. English readers see the English name where a reference catalogue
 * (forms, topics, participant categories) has one, else the Kazakh, the state language.
 */
public record LocalizedText(String kk, String ru) {

	/** English catalogue names by their Kazakh ones, registered by the catalogues' owner at start. */
	private static volatile Map<String, String> englishByKazakh = Map.of();

	/** Registers the English names of reference catalogues (Kazakh name → English name). */
	public static void registerEnglish(Map<String, String> names) {
		Map<String, String> merged = new HashMap<>(englishByKazakh);
		merged.putAll(names);
		englishByKazakh = Map.copyOf(merged);
	}

	public String in(Locale locale) {
		return pick(locale, kk, ru);
	}

	public static String pick(Locale locale, String kk, String ru) {
		if (locale != null && "en".equals(locale.getLanguage()) && kk != null) {
			String en = englishByKazakh.get(kk);
			if (en != null && !en.isBlank()) {
				return en;
			}
		}
		if (locale != null && "ru".equals(locale.getLanguage()) && ru != null && !ru.isBlank()) {
			return ru;
		}
		return kk != null && !kk.isBlank() ? kk : ru;
	}

	@Override
	public String toString() {
		return kk;
	}
}
