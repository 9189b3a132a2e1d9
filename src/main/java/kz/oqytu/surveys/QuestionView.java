package kz.oqytu.surveys;

import java.util.List;
import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/** A question of a questionnaire version, with its options (choices, topics or categories). */
public record QuestionView(long id, int position, String code, QuestionType type, String textKk, String textRu,
		boolean required, Integer maxLength, List<OptionView> options) {

	public String text(Locale locale) {
		return LocalizedText.pick(locale, textKk, textRu);
	}

	/** The form field of the answer. */
	public String field() {
		return "q_" + code;
	}

	/** One choice of a question. */
	public record OptionView(String code, String textKk, String textRu) {

		public String text(Locale locale) {
			return LocalizedText.pick(locale, textKk, textRu);
		}
	}
}
