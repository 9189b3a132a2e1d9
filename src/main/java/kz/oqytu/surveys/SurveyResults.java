package kz.oqytu.surveys;

import java.util.List;
import java.util.Locale;

import kz.oqytu.accounts.CurrentUser;

/** What the surveys say: per event, across events, and the demand for topics. */
public interface SurveyResults {

	/** An event's results, flagged answers left out. */
	default EventResults forEvent(CurrentUser user, long eventId) {
		return forEvent(user, eventId, false);
	}

	/** An event's results, flagged answers left out unless {@code includeFlagged}. */
	EventResults forEvent(CurrentUser user, long eventId, boolean includeFlagged);

	/**
	 * The summary of an event's surveys and the rows behind it as a workbook, under the same
	 * anonymity rule as the page: nothing the page hides.
	 */
	byte[] eventWorkbook(CurrentUser user, long eventId, Locale locale, boolean includeFlagged);

	/** The overview with the first page of organizations. */
	ResultsOverview overview(CurrentUser user, int year, String formCode, String topicCode, Long districtId);

	/** The overview with page {@code organizationPage} (from 0) of the organizations. */
	ResultsOverview overview(CurrentUser user, int year, String formCode, String topicCode, Long districtId,
			int organizationPage);

	/**
	 * Of the overview's counted responses (the same scope, year and filters), how many were typed in from
	 * paper sheets (issue #20).
	 */
	PaperShare paperShare(CurrentUser user, int year, String formCode, String topicCode, Long districtId);

	/** Topic wishes of a year's respondents, most wanted first: what the next plan should answer. */
	List<DemandLine> demand(CurrentUser user, int year);

	/**
	 * The year's free texts given under the topic "other", grouped by their normalized text, most
	 * given first; only from published answers (whole groups of the anonymity threshold, decision 17)
	 * of topic questions answered at least that often; staff only.
	 */
	List<OtherTopicText> otherTopics(CurrentUser user, int year);

	/**
	 * Maps the free text (any spelling of it) to a catalogue topic for the events of the user's
	 * scope: from then on answers giving it count under that topic, not under "other".
	 */
	void mapOtherTopic(CurrentUser user, String text, String topicCode);

	/** Removes the user's own body's mapping of the text: its answers count as "other" again. */
	void unmapOtherTopic(CurrentUser user, String text);

	/** Years with survey responses, newest first. */
	List<Integer> years(CurrentUser user);
}
