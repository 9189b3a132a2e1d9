package kz.oqytu.surveys.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kz.oqytu.surveys.PublicSurvey;
import kz.oqytu.surveys.QuestionView;

/**
 * A paper sheet as typed (issue #20): the keyboard-only entry takes a choice as the number printed beside
 * it, so the form's answers are turned into the public form's before the same validation.
 */
final class PaperSheets {

	/** A typed number that is no option of the question: kept so that validation names the question. */
	private static final String NOT_AN_OPTION = "#";

	private PaperSheets() {
	}

	/** The public form's answers (by field, option codes) of a typed sheet (by field, option numbers). */
	static Map<String, List<String>> answers(PublicSurvey survey, Map<String, String> typed) {
		Map<String, List<String>> answers = new HashMap<>();
		for (QuestionView q : survey.questions()) {
			String value = typed.get(q.field());
			value = value == null ? "" : value.strip();
			switch (q.type()) {
				case SINGLE, CATEGORY, MULTIPLE, TOPICS -> {
					List<String> codes = new ArrayList<>();
					if (!value.isEmpty()) {
						for (String part : value.split("[\\s,;.]+")) {
							if (!part.isEmpty()) {
								codes.add(option(q, part));
							}
						}
					}
					answers.put(q.field(), codes);
					if (q.type() == kz.oqytu.surveys.QuestionType.TOPICS) {
						String other = typed.get(q.field() + "_other");
						answers.put(q.field() + "_other", other == null ? List.of() : List.of(other));
					}
				}
				default -> answers.put(q.field(), value.isEmpty() ? List.of() : List.of(value));
			}
		}
		return answers;
	}

	/** The code of option number {@code typed} (from 1), or a value no question accepts. */
	static String option(QuestionView q, String typed) {
		if (typed.length() > 3 || !typed.chars().allMatch(Character::isDigit)) {
			return NOT_AN_OPTION;
		}
		int n = Integer.parseInt(typed);
		return n >= 1 && n <= q.options().size() ? q.options().get(n - 1).code() : NOT_AN_OPTION;
	}
}
