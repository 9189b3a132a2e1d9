package kz.oqytu.materials;

import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/**
 * An active primary organization that has not received a material's latest version;
 * {@code receivedVersion} is the newest older version it got, null when it got none.
 */
public record MissingRow(long organizationId, String nameKk, String nameRu, String districtKk, String districtRu,
		Integer receivedVersion) {

	public String name(Locale locale) {
		return LocalizedText.pick(locale, nameKk, nameRu);
	}

	public String district(Locale locale) {
		return LocalizedText.pick(locale, districtKk, districtRu);
	}
}
