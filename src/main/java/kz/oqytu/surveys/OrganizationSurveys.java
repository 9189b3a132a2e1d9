package kz.oqytu.surveys;

import kz.oqytu.accounts.CurrentUser;

/** What the surveys say about one primary organization. */
public interface OrganizationSurveys {

	/**
	 * The organization's interviews and the results of the responses that named it, the results only
	 * from the anonymity threshold on. Staff in scope and the organization's own chair.
	 */
	OrganizationSurvey forOrganization(CurrentUser user, long organizationId);

	/**
	 * For every primary organization in the user's scope with responses or interviews in the year (of
	 * the events surveyed, of the interviews held): its scores, each shown only from the anonymity
	 * threshold on. One statement, for the monitoring page.
	 */
	java.util.Map<Long, OrganizationScores> scoresByOrganization(CurrentUser user, int year);

	/** The number of responses from which results of an organization are shown. */
	int anonymityThreshold();
}
