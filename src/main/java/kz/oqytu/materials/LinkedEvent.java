package kz.oqytu.materials;

import java.time.LocalDate;
import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/** A training event a material belongs to ("materials from this seminar"). */
public record LinkedEvent(long id, String titleKk, String titleRu, LocalDate date) {

	public String title(Locale locale) {
		return LocalizedText.pick(locale, titleKk, titleRu);
	}
}
