package kz.oqytu.surveys.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import kz.oqytu.organizations.Organizations;
import kz.oqytu.surveys.PublicSurvey;
import kz.oqytu.surveys.QuestionType;
import kz.oqytu.surveys.QuestionView;

/**
 * What an answer must be, the public form's and a paper sheet's alike: each question's values checked
 * against its type and options (ratings 1 to 5, known choices, texts within their length, an organization
 * of the region's registry), giving errors by question code or the rows to store.
 */
final class AnswerRules {

	static final int MAX_VALUES_PER_FIELD = 50;

	private AnswerRules() {
	}

	/** The browser's key of an answer, when it is one (a UUID); anything else is no key. */
	static UUID submissionKey(String value) {
		if (value == null || value.length() != 36) {
			return null;
		}
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** A form's answers checked against the questions: errors by question code, or the rows to store. */
	/**
	 * The last common table expression of a statement that stores an answer sheet: the answers of the
	 * row the statement's {@code response} expression inserted (none when it inserted nothing), from the
	 * four parallel arrays {@link #bindAnswers} binds. The public answer and a typed-in paper sheet share it
	 * (decisions 0041 and 0046).
	 */
	static final String ANSWERS_OF_RESPONSE = """
			answers as (
			    insert into survey_answer (response_id, question_id, rating, option_code, text_value)
			    select response.id, a.question_id, a.rating, a.option_code, a.text_value
			    from response, unnest(cast(:questions as bigint[]), cast(:ratings as int[]),
			                          cast(:options as text[]), cast(:texts as text[]))
			         as a (question_id, rating, option_code, text_value)
			    returning 1)
			""";

	/** Binds a validated sheet's rows ({@link Validated#rows}) as the arrays of {@link #ANSWERS_OF_RESPONSE}. */
	static org.springframework.jdbc.core.simple.JdbcClient.StatementSpec bindAnswers(
			org.springframework.jdbc.core.simple.JdbcClient.StatementSpec statement, List<Object[]> rows) {
		int n = rows.size();
		Long[] questions = new Long[n];
		Integer[] ratings = new Integer[n];
		String[] options = new String[n];
		String[] texts = new String[n];
		for (int k = 0; k < n; k++) {
			Object[] r = rows.get(k);
			questions[k] = (Long) r[0];
			ratings[k] = (Integer) r[1];
			options[k] = (String) r[2];
			texts[k] = (String) r[3];
		}
		return statement.param("questions", questions).param("ratings", ratings).param("options", options)
			.param("texts", texts);
	}

	record Validated(Map<String, String> errors, List<Object[]> rows, Long organizationId, String category) {
	}

	static Validated validate(PublicSurvey survey, Map<String, List<String>> answers,
			java.util.function.Supplier<Map<String, Long>> names) {
		Map<String, String> errors = new LinkedHashMap<>();
		List<Object[]> rows = new ArrayList<>();
		Long organizationId = null;
		String category = null;
		for (QuestionView q : survey.questions()) {
			List<String> values = clean(answers.get(q.field()));
			if (values.size() > MAX_VALUES_PER_FIELD) {
				errors.put(q.code(), "surveys.error.invalid");
				continue;
			}
			if (values.isEmpty() && !(q.type() == kz.oqytu.surveys.QuestionType.TOPICS
					&& !clean(answers.get(q.field() + "_other")).isEmpty())) {
				if (q.required()) {
					errors.put(q.code(), "surveys.error.required");
				}
				continue;
			}
			Set<String> codes = new HashSet<>();
			q.options().forEach(o -> codes.add(o.code()));
			switch (q.type()) {
				case RATING -> {
					Integer rating = values.size() == 1 ? rating(values.get(0)) : null;
					if (rating == null) {
						errors.put(q.code(), "surveys.error.rating");
					}
					else {
						rows.add(new Object[] { q.id(), rating, null, null });
					}
				}
				case SINGLE, CATEGORY -> {
					if (values.size() != 1 || !codes.contains(values.get(0))) {
						errors.put(q.code(), "surveys.error.choice");
					}
					else {
						rows.add(new Object[] { q.id(), null, values.get(0), null });
						if (q.type() == kz.oqytu.surveys.QuestionType.CATEGORY) {
							category = values.get(0);
						}
					}
				}
				case MULTIPLE, TOPICS -> {
					Set<String> distinct = new java.util.LinkedHashSet<>(values);
					if (!codes.containsAll(distinct)) {
						errors.put(q.code(), "surveys.error.choice");
						break;
					}
					distinct.forEach(v -> rows.add(new Object[] { q.id(), null, v, null }));
					if (q.type() == kz.oqytu.surveys.QuestionType.TOPICS) {
						List<String> other = clean(answers.get(q.field() + "_other"));
						if (!other.isEmpty()) {
							String text = other.get(0);
							int max = q.maxLength() == null ? 200 : q.maxLength();
							if (text.length() > max) {
								errors.put(q.code(), "surveys.error.tooLong");
							}
							else {
								rows.add(new Object[] { q.id(), null, "OTHER", text });
							}
						}
					}
				}
				case ORGANIZATION -> {
					String name = values.get(0);
					Long id = name.length() > 300 ? null : names.get().get(Organizations.nameKey(name));
					if (id == null) {
						// an optional question never blocks the answer: a name not in the registry is left out
						if (q.required()) {
							errors.put(q.code(), "surveys.error.organization");
						}
					}
					else {
						organizationId = id;
						rows.add(new Object[] { q.id(), null, null, name });
					}
				}
				case TEXT -> {
					String text = String.join(" ", values);
					int max = q.maxLength() == null ? 1000 : q.maxLength();
					if (text.length() > max) {
						errors.put(q.code(), "surveys.error.tooLong");
					}
					else {
						rows.add(new Object[] { q.id(), null, null, text });
					}
				}
			}
		}
		return new Validated(errors, rows, organizationId, category);
	}

	private static Integer rating(String value) {
		try {
			int n = Integer.parseInt(value);
			return n >= 1 && n <= 5 ? n : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** Trimmed, non-empty values, control characters removed. */
	static List<String> clean(List<String> values) {
		if (values == null) {
			return List.of();
		}
		List<String> result = new ArrayList<>(values.size());
		for (String v : values) {
			if (v == null) {
				continue;
			}
			String s = v.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
			if (!s.isEmpty()) {
				result.add(s);
			}
		}
		return result;
	}

	static Map<String, List<String>> copy(Map<String, String[]> parameters) {
		Map<String, List<String>> map = new HashMap<>();
		parameters.forEach((k, v) -> map.put(k, List.of(v)));
		return map;
	}
}
