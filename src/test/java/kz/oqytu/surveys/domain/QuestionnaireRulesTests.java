package kz.oqytu.surveys.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.surveys.QuestionType;
import kz.oqytu.surveys.QuestionnaireCommand;
import kz.oqytu.surveys.QuestionnaireCommand.OptionCommand;
import kz.oqytu.surveys.QuestionnaireCommand.QuestionCommand;
import kz.oqytu.surveys.SurveyRuleException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The questionnaire's rules and the codes new questions and options get. */
class QuestionnaireRulesTests {

	private static QuestionCommand rating(String code, boolean required) {
		return new QuestionCommand(code, QuestionType.RATING, "Бағалаңыз", "Оцените", required, null, List.of());
	}

	private static QuestionnaireCommand of(QuestionCommand... questions) {
		return new QuestionnaireCommand(1, "Сауалнама", "Анкета", List.of(questions));
	}

	private static List<String> fields(QuestionnaireCommand command) {
		SurveyRuleException ex = catchThrowableOfType(SurveyRuleException.class, () -> QuestionnaireRules.check(command));
		assertThat(ex).as("violations").isNotNull();
		return ex.violations().stream().map(v -> v.field() + " " + v.messageKey()).toList();
	}

	@Test
	void aNewQuestionsCodeComesFromTheFirstWordsOfItsRussianText() {
		assertThat(QuestionnaireRules.derive("Насколько полезным было обучение?", "x", false, "q"))
			.isEqualTo("naskolko_poleznym_bylo");
		assertThat(QuestionnaireRules.derive(null, "Сіздің ұсыныстарыңыз", false, "q")).isEqualTo("sizdin_usynystarynyz");
		assertThat(QuestionnaireRules.derive("5 лет стажа", null, false, "q")).isEqualTo("q_5_let_stazha");
		assertThat(QuestionnaireRules.derive("???", null, false, "q")).isEqualTo("q");
	}

	@Test
	void anOptionsCodeIsUpperCaseLikeTheMigrations() {
		assertThat(QuestionnaireRules.derive("Частично", "Ішінара", true, "OPTION")).isEqualTo("CHASTICHNO");
	}

	@Test
	void aDerivedCodeTakenAlreadyGetsANumber() {
		Set<String> taken = new HashSet<>(Set.of("usefulness", "usefulness_2"));
		assertThat(QuestionnaireRules.unique("usefulness", taken)).isEqualTo("usefulness_3");
		assertThat(taken).contains("usefulness_3");
	}

	@Test
	void keptCodesStayAndNewOnesNeverTakeThem() {
		List<QuestionnaireRules.Question> questions = QuestionnaireRules.check(of(rating("otsenite", true),
				new QuestionCommand(null, QuestionType.RATING, "Бағалаңыз", "Оцените", false, null, List.of())));
		assertThat(questions).extracting(QuestionnaireRules.Question::code).containsExactly("otsenite", "otsenite_2");
	}

	@Test
	void blankRowsAreLeftOutButErrorsNameTheRowsTheFormShowed() {
		QuestionCommand blank = new QuestionCommand(null, QuestionType.RATING, " ", null, true, null, List.of());
		QuestionCommand noRu = new QuestionCommand(null, QuestionType.RATING, "Бағалаңыз", " ", true, null, List.of());
		assertThat(fields(of(blank, noRu))).containsExactly("questions[1].textRu validation.required");
		assertThat(QuestionnaireRules.check(of(blank, rating(null, true)))).hasSize(1);
	}

	@Test
	void choiceQuestionsNeedTwoOptionsWithDistinctCodes() {
		QuestionCommand none = new QuestionCommand(null, QuestionType.SINGLE, "Таңдаңыз", "Выберите", true, null,
				List.of(new OptionCommand(null, "Иә", "Да")));
		QuestionCommand twice = new QuestionCommand(null, QuestionType.MULTIPLE, "Таңдаңыз", "Выберите", false, null,
				List.of(new OptionCommand("yes", "Иә", "Да"), new OptionCommand("YES", "Жоқ", "Нет"),
						new OptionCommand("no way", "Жоқ", "Нет")));
		assertThat(fields(of(none, twice))).containsExactly("questions[0].options surveys.editor.error.needOptions",
				"questions[1].options[1].code surveys.editor.error.optionCodeDuplicate",
				"questions[1].options[2].code surveys.editor.error.optionCodeFormat");
	}

	@Test
	void catalogueQuestionsKeepNoOptionsOfTheirOwn() {
		QuestionCommand topics = new QuestionCommand(null, QuestionType.TOPICS, "Тақырыптар", "Темы", true, null,
				List.of(new OptionCommand("X", "икс", "икс")));
		QuestionnaireRules.Question q = QuestionnaireRules.check(of(topics)).get(0);
		assertThat(q.options()).isEmpty();
		assertThat(q.maxLength()).isEqualTo(QuestionnaireRules.DEFAULT_OTHER_LENGTH);
	}

	@Test
	void lengthsAreFromOneToTwoThousandAndOnlyForTexts() {
		QuestionCommand text = new QuestionCommand(null, QuestionType.TEXT, "Пікір", "Отзыв", true, 2001, List.of());
		assertThat(fields(of(text))).containsExactly("questions[0].maxLength surveys.editor.error.maxLength");
		QuestionCommand rating = new QuestionCommand(null, QuestionType.RATING, "Баға", "Оценка", true, 5000, List.of());
		assertThat(QuestionnaireRules.check(of(rating)).get(0).maxLength()).isNull();
	}

	@Test
	void aQuestionnaireKeepsARequiredQuestion() {
		assertThat(fields(of(rating(null, false)))).containsExactly("questions surveys.editor.error.noRequired");
		assertThat(fields(of())).containsExactly("questions surveys.editor.error.noQuestions");
	}

	@Test
	void theOrganizationQuestionIsOptionalAndThereIsOneOfItAndOfTheCategory() {
		QuestionCommand organization = new QuestionCommand(null, QuestionType.ORGANIZATION, "Ұйым", "Организация", true,
				null, List.of());
		QuestionCommand category = new QuestionCommand(null, QuestionType.CATEGORY, "Санат", "Категория", false, null,
				List.of());
		assertThat(fields(of(rating(null, true), organization, category, category))).containsExactly(
				"questions[1].required surveys.editor.error.organizationOptional",
				"questions[3].type surveys.editor.error.onlyOneCategory");
	}

	@Test
	void typedCodesAreCheckedAndUnique() {
		assertThat(fields(of(rating("Usefulness", true), rating("usefulness", false), rating("2nd", false))))
			.containsExactly("questions[1].code surveys.editor.error.codeDuplicate",
					"questions[2].code surveys.editor.error.codeFormat");
	}

	@Test
	void textsAreRequiredInBothLanguagesAndAtMostFiveHundredCharacters() {
		QuestionCommand longKk = new QuestionCommand(null, QuestionType.RATING, "ы".repeat(501), null, true, null,
				List.of());
		List<String> found = new ArrayList<>(fields(new QuestionnaireCommand(1, "", "Анкета", List.of(longKk))));
		assertThat(found).containsExactly("nameKk validation.required",
				"questions[0].textKk surveys.editor.error.tooLong", "questions[0].textRu validation.required");
	}

	@Test
	void everyViolationIsABusinessRuleWithItsField() {
		SurveyRuleException ex = catchThrowableOfType(SurveyRuleException.class,
				() -> QuestionnaireRules.check(of(rating(null, false))));
		BusinessRuleException first = ex;
		assertThat(first.field()).isEqualTo("questions");
	}
}
