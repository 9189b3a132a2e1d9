package kz.oqytu.organizations;

import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/** One primary organization in the registry list. {@code members} is null without a snapshot. */
public record OrganizationRow(long id, String nameKk, String nameRu, PrimaryKind kind, long districtId,
		String districtKk, String districtRu, Integer members, boolean active) {

	public String name(Locale locale) {
		return LocalizedText.pick(locale, nameKk, nameRu);
	}

	public String district(Locale locale) {
		return LocalizedText.pick(locale, districtKk, districtRu);
	}
}
