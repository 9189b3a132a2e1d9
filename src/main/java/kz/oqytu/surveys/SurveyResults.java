package kz.oqytu.surveys;

import java.util.List;
import java.util.Locale;

import kz.oqytu.accounts.CurrentUser;

/** What the surveys say: per event, across events, and the demand for topics. */
public interface SurveyResults {

	EventResults forEvent(CurrentUser user, long eventId);

	/** Raw responses and the summary of an event's surveys as a workbook. */
	byte[] eventWorkbook(CurrentUser user, long eventId, Locale locale);

	ResultsOverview overview(CurrentUser user, int year, String formCode, String topicCode, Long districtId);

	/** Topic wishes of a year's respondents, most wanted first: what the next plan should answer. */
	List<DemandLine> demand(CurrentUser user, int year);

	/** Years with survey responses, newest first. */
	List<Integer> years(CurrentUser user);
}
