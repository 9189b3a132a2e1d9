package kz.oqytu.surveys;

import java.time.LocalDate;

/**
 * What an event's survey link leads to now (decision 29): the survey to show (the open one, else the
 * next to open, else the link's own), the event's follow-up when the link is the post-event one, and
 * whether this device has answered the survey shown.
 */
public record SurveyLink(PublicSurvey survey, PublicSurvey followUp, boolean answered) {

	/** The day the follow-up opens, when it is still to come (for the thank-you page and the reminder). */
	public LocalDate followUpOpensOn() {
		return followUp != null && followUp.state() == SurveyState.NOT_YET_OPEN ? followUp.opensAt().toLocalDate()
				: null;
	}
}
