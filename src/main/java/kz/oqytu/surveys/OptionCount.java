package kz.oqytu.surveys;

import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/** How many chose one option (or one rating value). */
public record OptionCount(String code, String textKk, String textRu, long count, long of) {

	public String text(Locale locale) {
		return LocalizedText.pick(locale, textKk, textRu);
	}

	/** Share of those who answered the question, 0–100, for bar widths. */
	public int percentOfAnswered() {
		return of == 0 ? 0 : (int) (count * 100 / of);
	}
}
