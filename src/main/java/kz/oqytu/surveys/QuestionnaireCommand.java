package kz.oqytu.surveys;

import java.util.List;

/**
 * A questionnaire as edited: its names and its questions in order. Rows stay where the form had
 * them, blank ones included, so that errors name the row the user sees ({@code questions[2]}).
 * {@code versionId} is the version the editor was opened on.
 */
public record QuestionnaireCommand(long versionId, String nameKk, String nameRu, List<QuestionCommand> questions) {

	public QuestionnaireCommand {
		questions = questions == null ? List.of() : questions;
	}

	/**
	 * A question. {@code code} is kept for a question being edited; blank for a new one, whose code
	 * is then derived from its text. {@code maxLength} applies to TEXT and to the "other" text of TOPICS.
	 */
	public record QuestionCommand(String code, QuestionType type, String textKk, String textRu, boolean required,
			Integer maxLength, List<OptionCommand> options) {

		public QuestionCommand {
			options = options == null ? List.of() : options;
		}

		public boolean blank() {
			return isBlank(code) && isBlank(textKk) && isBlank(textRu) && options.stream().allMatch(OptionCommand::blank);
		}
	}

	/** A choice of a SINGLE or MULTIPLE question; a blank code is derived from the text. */
	public record OptionCommand(String code, String textKk, String textRu) {

		public boolean blank() {
			return isBlank(code) && isBlank(textKk) && isBlank(textRu);
		}
	}

	static boolean isBlank(String s) {
		return s == null || s.isBlank();
	}
}
