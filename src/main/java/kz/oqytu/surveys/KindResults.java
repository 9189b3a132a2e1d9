package kz.oqytu.surveys;

import java.util.List;
import java.util.Optional;

import kz.oqytu.shared.Percent;

/** Results of one survey of an event (after the event, or the follow-up). Flagged responses are left out. */
public record KindResults(SurveyKind kind, long responses, long flagged, long attendance,
		List<QuestionResult> questions) {

	public Percent rate() {
		return Percent.of(responses, attendance).orElse(null);
	}

	/** How many chose the option of the question (0 when either is missing). */
	public long optionCount(String questionCode, String optionCode) {
		return question(questionCode).stream()
			.flatMap(q -> q.options().stream())
			.filter(o -> o.code().equals(optionCode))
			.mapToLong(OptionCount::count)
			.sum();
	}

	public Optional<QuestionResult> question(String code) {
		return questions.stream().filter(q -> q.code().equals(code)).findFirst();
	}
}
