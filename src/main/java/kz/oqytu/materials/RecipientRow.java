package kz.oqytu.materials;

import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/** An organization in a material's register with the version it received and what its chair did. */
public record RecipientRow(long organizationId, String nameKk, String nameRu, String districtKk, String districtRu,
		long versionId, int versionNumber, boolean latest, Delivery delivery) {

	public String name(Locale locale) {
		return LocalizedText.pick(locale, nameKk, nameRu);
	}

	public String district(Locale locale) {
		return LocalizedText.pick(locale, districtKk, districtRu);
	}
}
