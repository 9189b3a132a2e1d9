package kz.oqytu.surveys.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.surveys.QuestionType;
import kz.oqytu.surveys.QuestionnaireCommand;
import kz.oqytu.surveys.QuestionnaireCommand.OptionCommand;
import kz.oqytu.surveys.QuestionnaireCommand.QuestionCommand;
import kz.oqytu.surveys.SurveyRuleException;

/**
 * The rules of an edited questionnaire, and its questions as they will be stored: blank rows
 * dropped, texts trimmed, codes derived for new questions and options. Errors name the row as the
 * form numbered it.
 */
final class QuestionnaireRules {

	static final int MAX_QUESTIONS = 50;

	static final int MAX_OPTIONS = 30;

	static final int NAME_MAX = 300;

	static final int QUESTION_TEXT_MAX = 500;

	static final int OPTION_TEXT_MAX = 300;

	static final int CODE_MAX = 40;

	static final int LENGTH_LIMIT = 2000;

	static final int DEFAULT_TEXT_LENGTH = 1000;

	static final int DEFAULT_OTHER_LENGTH = 200;

	/** Question codes name form fields ({@code q_<code>}) and compare answers across versions. */
	static final Pattern QUESTION_CODE = Pattern.compile("^[a-z][a-z0-9_]{0,39}$");

	/** Option codes are stored with each answer; upper case like the migration's (YES, PARTLY). */
	static final Pattern OPTION_CODE = Pattern.compile("^[A-Z0-9][A-Z0-9_]{0,39}$");

	private QuestionnaireRules() {
	}

	record Question(String code, QuestionType type, String textKk, String textRu, boolean required,
			Integer maxLength, List<Option> options) {
	}

	record Option(String code, String textKk, String textRu) {
	}

	/** The questions to store, or every violation at once. */
	static List<Question> check(QuestionnaireCommand command) {
		List<BusinessRuleException> errors = new ArrayList<>();
		text(errors, "nameKk", command.nameKk(), NAME_MAX);
		text(errors, "nameRu", command.nameRu(), NAME_MAX);
		List<Integer> rows = new ArrayList<>();
		for (int i = 0; i < command.questions().size(); i++) {
			if (!command.questions().get(i).blank()) {
				rows.add(i);
			}
		}
		if (rows.isEmpty()) {
			errors.add(new BusinessRuleException("questions", "surveys.editor.error.noQuestions"));
		}
		else if (rows.size() > MAX_QUESTIONS) {
			errors.add(new BusinessRuleException("questions", "surveys.editor.error.tooManyQuestions", MAX_QUESTIONS));
		}
		// Codes typed or kept first, so that derived codes never take one of them.
		Set<String> codes = new HashSet<>();
		for (int i : rows) {
			String code = questionCode(command.questions().get(i).code());
			if (code == null) {
				continue;
			}
			String field = "questions[" + i + "].code";
			if (!QUESTION_CODE.matcher(code).matches()) {
				errors.add(new BusinessRuleException(field, "surveys.editor.error.codeFormat"));
			}
			else if (!codes.add(code)) {
				errors.add(new BusinessRuleException(field, "surveys.editor.error.codeDuplicate"));
			}
		}
		List<Question> questions = new ArrayList<>();
		boolean anyRequired = false;
		boolean category = false;
		boolean organization = false;
		for (int i : rows) {
			QuestionCommand q = command.questions().get(i);
			String prefix = "questions[" + i + "].";
			QuestionType type = q.type();
			if (type == null) {
				errors.add(new BusinessRuleException(prefix + "type", "validation.required"));
			}
			text(errors, prefix + "textKk", q.textKk(), QUESTION_TEXT_MAX);
			text(errors, prefix + "textRu", q.textRu(), QUESTION_TEXT_MAX);
			Integer maxLength = null;
			if (type == QuestionType.TEXT || type == QuestionType.TOPICS) {
				maxLength = q.maxLength() != null ? q.maxLength()
						: type == QuestionType.TEXT ? DEFAULT_TEXT_LENGTH : DEFAULT_OTHER_LENGTH;
				if (maxLength < 1 || maxLength > LENGTH_LIMIT) {
					errors.add(new BusinessRuleException(prefix + "maxLength", "surveys.editor.error.maxLength", 1,
							LENGTH_LIMIT));
				}
			}
			if (type == QuestionType.ORGANIZATION) {
				if (q.required()) {
					errors.add(new BusinessRuleException(prefix + "required", "surveys.editor.error.organizationOptional"));
				}
				if (organization) {
					errors.add(new BusinessRuleException(prefix + "type", "surveys.editor.error.onlyOneOrganization"));
				}
				organization = true;
			}
			if (type == QuestionType.CATEGORY) {
				if (category) {
					errors.add(new BusinessRuleException(prefix + "type", "surveys.editor.error.onlyOneCategory"));
				}
				category = true;
			}
			List<Option> options = type == QuestionType.SINGLE || type == QuestionType.MULTIPLE
					? options(errors, prefix, q.options()) : List.of();
			anyRequired |= q.required() && type != QuestionType.ORGANIZATION;
			String code = questionCode(q.code());
			if (code == null) {
				code = unique(derive(q.textRu(), q.textKk(), false, "q"), codes);
			}
			questions.add(new Question(code, type, strip(q.textKk()), strip(q.textRu()), q.required(), maxLength,
					options));
		}
		if (!rows.isEmpty() && !anyRequired) {
			// A response with no required question could be empty, and would still count.
			errors.add(new BusinessRuleException("questions", "surveys.editor.error.noRequired"));
		}
		if (!errors.isEmpty()) {
			throw new SurveyRuleException(errors);
		}
		return List.copyOf(questions);
	}

	private static List<Option> options(List<BusinessRuleException> errors, String prefix, List<OptionCommand> all) {
		List<Integer> rows = new ArrayList<>();
		for (int j = 0; j < all.size(); j++) {
			if (!all.get(j).blank()) {
				rows.add(j);
			}
		}
		if (rows.size() < 2) {
			errors.add(new BusinessRuleException(prefix + "options", "surveys.editor.error.needOptions", 2));
		}
		else if (rows.size() > MAX_OPTIONS) {
			errors.add(new BusinessRuleException(prefix + "options", "surveys.editor.error.tooManyOptions", MAX_OPTIONS));
		}
		Set<String> codes = new HashSet<>();
		for (int j : rows) {
			String code = optionCode(all.get(j).code());
			if (code == null) {
				continue;
			}
			String field = prefix + "options[" + j + "].code";
			if (!OPTION_CODE.matcher(code).matches()) {
				errors.add(new BusinessRuleException(field, "surveys.editor.error.optionCodeFormat"));
			}
			else if (!codes.add(code)) {
				errors.add(new BusinessRuleException(field, "surveys.editor.error.optionCodeDuplicate"));
			}
		}
		List<Option> options = new ArrayList<>();
		for (int j : rows) {
			OptionCommand o = all.get(j);
			String p = prefix + "options[" + j + "].";
			text(errors, p + "textKk", o.textKk(), OPTION_TEXT_MAX);
			text(errors, p + "textRu", o.textRu(), OPTION_TEXT_MAX);
			String code = optionCode(o.code());
			if (code == null) {
				code = unique(derive(o.textRu(), o.textKk(), true, "OPTION"), codes);
			}
			options.add(new Option(code, strip(o.textKk()), strip(o.textRu())));
		}
		return options;
	}

	private static void text(List<BusinessRuleException> errors, String field, String value, int max) {
		if (value == null || value.isBlank()) {
			errors.add(new BusinessRuleException(field, "validation.required"));
		}
		else if (value.strip().length() > max) {
			errors.add(new BusinessRuleException(field, "surveys.editor.error.tooLong", max));
		}
	}

	private static String strip(String s) {
		return s == null ? null : s.strip();
	}

	static String questionCode(String typed) {
		return typed == null || typed.isBlank() ? null : typed.strip().toLowerCase(Locale.ROOT);
	}

	static String optionCode(String typed) {
		return typed == null || typed.isBlank() ? null : typed.strip().toUpperCase(Locale.ROOT);
	}

	// ---- codes from texts

	private static final Map<Character, String> LATIN = latin();

	private static Map<Character, String> latin() {
		String[][] pairs = { { "а", "a" }, { "ә", "a" }, { "б", "b" }, { "в", "v" }, { "г", "g" }, { "ғ", "g" },
				{ "д", "d" }, { "е", "e" }, { "ё", "e" }, { "ж", "zh" }, { "з", "z" }, { "и", "i" }, { "й", "i" },
				{ "к", "k" }, { "қ", "q" }, { "л", "l" }, { "м", "m" }, { "н", "n" }, { "ң", "n" }, { "о", "o" },
				{ "ө", "o" }, { "п", "p" }, { "р", "r" }, { "с", "s" }, { "т", "t" }, { "у", "u" }, { "ұ", "u" },
				{ "ү", "u" }, { "ф", "f" }, { "х", "kh" }, { "һ", "h" }, { "ц", "ts" }, { "ч", "ch" }, { "ш", "sh" },
				{ "щ", "sch" }, { "ъ", "" }, { "ы", "y" }, { "і", "i" }, { "ь", "" }, { "э", "e" }, { "ю", "yu" },
				{ "я", "ya" } };
		Map<Character, String> map = new java.util.HashMap<>();
		for (String[] p : pairs) {
			map.put(p[0].charAt(0), p[1]);
		}
		return Map.copyOf(map);
	}

	/**
	 * A code from the first words of the text (Russian first: its transliteration is the familiar
	 * one), e.g. "Насколько полезным было обучение?" → {@code naskolko_poleznym_bylo}.
	 */
	static String derive(String textRu, String textKk, boolean upper, String fallback) {
		String text = textRu != null && !textRu.isBlank() ? textRu : textKk;
		StringBuilder latin = new StringBuilder();
		if (text != null) {
			String lower = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
			for (int i = 0; i < lower.length(); i++) {
				char c = lower.charAt(i);
				String mapped = LATIN.get(c);
				if (mapped != null) {
					latin.append(mapped);
				}
				else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
					latin.append(c);
				}
				else {
					latin.append(' ');
				}
			}
		}
		StringBuilder code = new StringBuilder();
		int words = 0;
		for (String word : latin.toString().trim().split("\\s+")) {
			if (word.isEmpty()) {
				continue;
			}
			if (words == 3 || code.length() + word.length() + 1 > 30) {
				break;
			}
			if (code.length() > 0) {
				code.append('_');
			}
			code.append(word);
			words++;
		}
		String result = code.length() == 0 ? fallback.toLowerCase(Locale.ROOT) : code.toString();
		if (!upper && !Character.isLetter(result.charAt(0))) {
			result = "q_" + result;
		}
		if (result.length() > 30) {
			result = result.substring(0, 30);
		}
		return upper ? result.toUpperCase(Locale.ROOT) : result;
	}

	/** {@code base}, or {@code base_2}, {@code base_3}... whichever is free; remembered as taken. */
	static String unique(String base, Set<String> taken) {
		String code = base;
		for (int n = 2; taken.contains(code); n++) {
			code = base + "_" + n;
		}
		taken.add(code);
		return code;
	}
}
