package kz.oqytu.organizations;

import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/** A committee's primary organizations and members on two dates (previous and latest). */
public record DistrictTotals(long districtId, String nameKk, String nameRu, long organizations,
		long membersPrevious, long membersLatest) {

	public String name(Locale locale) {
		return LocalizedText.pick(locale, nameKk, nameRu);
	}

	public long change() {
		return membersLatest - membersPrevious;
	}
}
