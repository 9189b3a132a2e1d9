package kz.oqytu.schoolplans;

import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/** A primary organization in the school plans overview. */
public record SchoolPlanRow(long organizationId, String nameKk, String nameRu, long districtId, String districtKk,
		String districtRu, SchoolPlanStatus status) {

	public String name(Locale locale) {
		return LocalizedText.pick(locale, nameKk, nameRu);
	}

	public String district(Locale locale) {
		return LocalizedText.pick(locale, districtKk, districtRu);
	}
}
