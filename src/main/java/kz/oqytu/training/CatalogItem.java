package kz.oqytu.training;

import java.util.Locale;

/** A reference-data entry (form, topic, participant category) with its names. */
public record CatalogItem(String code, int order, String nameKk, String nameRu, String nameEn) {

	public String name(Locale locale) {
		if (locale != null && "ru".equals(locale.getLanguage())) {
			return nameRu;
		}
		if (locale != null && "en".equals(locale.getLanguage())) {
			return nameEn;
		}
		return nameKk;
	}
}
