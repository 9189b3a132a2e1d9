package kz.oqytu.shared;

import java.util.Locale;

/** Text kept in Kazakh and Russian (English readers see the Kazakh, the state language). */
public record LocalizedText(String kk, String ru) {

	public String in(Locale locale) {
		return pick(locale, kk, ru);
	}

	public static String pick(Locale locale, String kk, String ru) {
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
