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
