package kz.oqytu.surveys;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/** What the public form shows: the event, the window and the questions of the current version. */
public record PublicSurvey(long surveyId, String token, SurveyKind kind, long eventId, String eventTitleKk,
		String eventTitleRu, LocalDateTime eventStartsAt, LocalDateTime opensAt, LocalDateTime closesAt,
		SurveyState state, long versionId, List<QuestionView> questions) {

	public String eventTitle(Locale locale) {
		return LocalizedText.pick(locale, eventTitleKk, eventTitleRu);
	}
}
