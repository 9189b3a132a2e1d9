package kz.oqytu.organizations;

import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/** A node of the union tree with what other modules need to check and show it. */
public record UnitInfo(long id, UnitLevel level, Long parentId, String path, String nameKk, String nameRu,
		boolean active) {

	public String name(Locale locale) {
		return LocalizedText.pick(locale, nameKk, nameRu);
	}

	public boolean isCommittee() {
		return level == UnitLevel.COMMITTEE;
	}

	public boolean isPrimary() {
		return level == UnitLevel.PRIMARY;
	}
}
