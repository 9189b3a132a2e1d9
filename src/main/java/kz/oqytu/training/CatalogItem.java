package kz.oqytu.training;

import java.util.Locale;

/** A reference-data entry (form, topic, participant category) with its names. */
public record CatalogItem(String code, int order, String nameKk, String nameRu, String nameEn) {

	/** The codes of a catalogue list, so a write checks all its codes against one read. */
	public static java.util.Set<String> codes(java.util.List<CatalogItem> items) {
		return items.stream().map(CatalogItem::code).collect(java.util.stream.Collectors.toSet());
	}

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
