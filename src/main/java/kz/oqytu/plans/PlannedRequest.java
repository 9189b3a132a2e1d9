package kz.oqytu.plans;

import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/** A topic request planned in a plan item, as the item's page names it: the organization and its district. */
public record PlannedRequest(long id, String organizationKk, String organizationRu, String districtKk,
		String districtRu) {

	public String organization(Locale locale) {
		return LocalizedText.pick(locale, organizationKk, organizationRu);
	}

	public String district(Locale locale) {
		return LocalizedText.pick(locale, districtKk, districtRu);
	}
}
