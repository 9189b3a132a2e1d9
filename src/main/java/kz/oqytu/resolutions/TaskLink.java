package kz.oqytu.resolutions;

import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/**
 * A plan item, event or material that carries out a task. {@code year} is the plan item's year;
 * names are null for a material (shown as "material #id") or a link whose target is gone.
 */
public record TaskLink(LinkKind kind, long targetId, String nameKk, String nameRu, Integer year) {

	public String name(Locale locale) {
		return LocalizedText.pick(locale, nameKk, nameRu);
	}

	public String href() {
		return kind.href(targetId, year);
	}

	public boolean hasName() {
		return nameKk != null || nameRu != null;
	}
}
