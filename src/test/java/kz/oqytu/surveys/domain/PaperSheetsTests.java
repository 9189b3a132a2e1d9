package kz.oqytu.surveys.domain;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import kz.oqytu.surveys.PublicSurvey;
import kz.oqytu.surveys.QuestionType;
import kz.oqytu.surveys.QuestionView;
import kz.oqytu.surveys.QuestionView.OptionView;
import kz.oqytu.surveys.SurveyKind;
import kz.oqytu.surveys.SurveyState;

import static org.assertj.core.api.Assertions.assertThat;

/** A typed paper sheet's numbers become the public form's option codes (issue #20, decision 46). */
class PaperSheetsTests {

	private static final List<OptionView> YES_PARTLY_NO = List.of(new OptionView("YES", "Иә", "Да"),
			new OptionView("PARTLY", "Ішінара", "Частично"), new OptionView("NO", "Жоқ", "Нет"));

	private static QuestionView question(long id, String code, QuestionType type, List<OptionView> options) {
		return new QuestionView(id, (int) id, code, type, code, code, false, null, options);
	}

	private static final PublicSurvey SURVEY = new PublicSurvey(1, "t", SurveyKind.FOLLOW_UP, 1, "kk", "ru",
			LocalDateTime.of(2025, 6, 1, 10, 0), LocalDateTime.of(2025, 6, 1, 10, 0), LocalDateTime.of(2025, 7, 1, 10, 0),
			SurveyState.CLOSED, 1, List.of(question(1, "useful", QuestionType.RATING, List.of()),
					question(2, "applied", QuestionType.SINGLE, YES_PARTLY_NO),
					question(3, "obstacles", QuestionType.MULTIPLE, YES_PARTLY_NO),
					question(4, "comments", QuestionType.TEXT, List.of())));

	@Test
	void numbersBecomeTheOptionsPrintedBesideThem() {
		Map<String, List<String>> answers = PaperSheets.answers(SURVEY,
				Map.of("q_useful", " 4 ", "q_applied", "2", "q_obstacles", "3, 1", "q_comments", "Жақсы, 2 рет"));
		assertThat(answers.get("q_useful")).containsExactly("4");
		assertThat(answers.get("q_applied")).containsExactly("PARTLY");
		assertThat(answers.get("q_obstacles")).containsExactly("NO", "YES");
		assertThat(answers.get("q_comments")).containsExactly("Жақсы, 2 рет");
	}

	@Test
	void aNumberThatIsNoOptionStaysAnAnswerThatValidationRefuses() {
		Map<String, List<String>> answers = PaperSheets.answers(SURVEY,
				Map.of("q_applied", "4", "q_obstacles", "1 0 x"));
		assertThat(answers.get("q_applied")).containsExactly("#");
		assertThat(answers.get("q_obstacles")).containsExactly("YES", "#", "#");
		assertThat(answers.get("q_useful")).isEmpty();
	}
}
