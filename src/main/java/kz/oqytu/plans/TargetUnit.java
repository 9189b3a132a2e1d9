package kz.oqytu.plans;

import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/** A district or city committee or a primary organization a plan item is aimed at. */
public record TargetUnit(long id, String nameKk, String nameRu, boolean committee) {

	public String name(Locale locale) {
		return LocalizedText.pick(locale, nameKk, nameRu);
	}
}
