package kz.oqytu.surveys;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import kz.oqytu.shared.Percent;

/**
 * Results of one survey of an event (after the event, or the follow-up). {@code responses} are the
 * answers counted (flagged ones left out unless {@code flaggedIncluded}); the figures come from the
 * first {@code published} of them, a multiple of the anonymity {@code threshold} (none below it), so
 * that two versions of the page never differ by fewer answers than the threshold. Questions answered
 * fewer times than the threshold show nothing ({@link QuestionResult#suppressed()}). {@code paper} of the
 * answers counted were typed in from paper sheets.
 */
public record KindResults(SurveyKind kind, long responses, long flagged, long attendance,
		List<QuestionResult> questions, int threshold, long published, boolean flaggedIncluded,
		Map<FlagReason, Long> flagReasons, long paper) {

	/** Of the answers counted, the share typed in from paper sheets (issue #20). */
	public Percent paperShare() {
		return Percent.of(paper, responses).orElse(null);
	}

	public Percent rate() {
		return Percent.of(responses, attendance).orElse(null);
	}

	/** More answers than participants recorded: the rate is shown with a warning, never on its own. */
	public boolean overAttendance() {
		return attendance > 0 && responses > attendance;
	}

	/** Fewer answers than the threshold: no figure is shown. */
	public boolean suppressed() {
		return published == 0;
	}

	/** Answers counted but not yet in the figures: they appear with the next full group of the threshold. */
	public long waiting() {
		return responses - published;
	}

	/** How many chose the option of the question (0 when either is missing or hidden). */
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
