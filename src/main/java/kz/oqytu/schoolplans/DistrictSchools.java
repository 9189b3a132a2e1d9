package kz.oqytu.schoolplans;

import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/** A district's primary organizations by the state of their school plans. */
public record DistrictSchools(long districtId, String nameKk, String nameRu, int organizations, int noPlan,
		int nothingHeld, int inProgress, int allHeld) {

	public String name(Locale locale) {
		return LocalizedText.pick(locale, nameKk, nameRu);
	}

	public int withPlan() {
		return organizations - noPlan;
	}
}
