package kz.oqytu.organizations;

import java.util.List;
import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/** A primary organization's page: its registry data and membership history (newest first). */
public record OrganizationDetails(long id, String nameKk, String nameRu, PrimaryKind kind, long districtId,
		String districtKk, String districtRu, String address, String chairName, String chairPhone,
		String chairEmail, boolean active, String path, int version, List<MembershipPoint> membership) {

	public String name(Locale locale) {
		return LocalizedText.pick(locale, nameKk, nameRu);
	}

	public String district(Locale locale) {
		return LocalizedText.pick(locale, districtKk, districtRu);
	}
}
