package kz.oqytu.surveys;

import kz.oqytu.accounts.CurrentUser;

/** What the surveys say about one primary organization. */
public interface OrganizationSurveys {

	/**
	 * The organization's interviews and the results of the responses that named it, the results only
	 * from the anonymity threshold on. Staff in scope and the organization's own chair.
	 */
	OrganizationSurvey forOrganization(CurrentUser user, long organizationId);
}
