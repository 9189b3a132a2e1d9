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

	ResultsOverview overview(CurrentUser user, int year, String formCode, String topicCode, Long districtId);

	/** Topic wishes of a year's respondents, most wanted first: what the next plan should answer. */
	List<DemandLine> demand(CurrentUser user, int year);

	/** Years with survey responses, newest first. */
	List<Integer> years(CurrentUser user);
}
