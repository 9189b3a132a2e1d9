package kz.oqytu.reports;

import java.util.Locale;

/** People trained in one participant category. */
public record CategoryFigure(String code, String nameKk, String nameRu, String nameEn, long participants) {

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
