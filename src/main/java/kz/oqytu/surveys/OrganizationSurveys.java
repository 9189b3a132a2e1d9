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

	/** The same for the given organizations only (a page of the monitoring). One statement. */
	java.util.Map<Long, OrganizationScores> scoresByOrganization(CurrentUser user, int year,
			java.util.Collection<Long> organizationIds);

	/**
	 * The primary organizations in the user's scope with interviews held in the year, for the
	 * monitoring's filter and totals without a row per organization. One statement.
	 */
	java.util.Set<Long> organizationsInterviewed(CurrentUser user, int year);

	/** The number of responses from which results of an organization are shown. */
	int anonymityThreshold();
}
