package kz.oqytu.organizations;

import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/** A node for a select list: id and its names. */
public record UnitOption(long id, String nameKk, String nameRu) {

	public String name(Locale locale) {
		return LocalizedText.pick(locale, nameKk, nameRu);
	}
}
