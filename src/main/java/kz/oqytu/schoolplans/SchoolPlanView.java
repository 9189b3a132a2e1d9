package kz.oqytu.schoolplans;

import java.util.List;
import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/** A primary organization's school plan for a year, items by month; no items when it has none. */
public record SchoolPlanView(long organizationId, String organizationKk, String organizationRu, long districtId,
		String districtKk, String districtRu, int year, List<SchoolPlanItemView> items, SchoolPlanStatus status) {

	public String organization(Locale locale) {
		return LocalizedText.pick(locale, organizationKk, organizationRu);
	}

	public String district(Locale locale) {
		return LocalizedText.pick(locale, districtKk, districtRu);
	}
}
