package kz.oqytu.resolutions;

import java.time.LocalDate;
import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/** A resolution in the list with its tasks in figures. */
public record ResolutionRow(long id, LocalDate adoptedOn, String number, String item, String titleKk,
		String titleRu, String controlBy, int tasks, int done, int overdue) {

	public String title(Locale locale) {
		return LocalizedText.pick(locale, titleKk, titleRu);
	}
}
