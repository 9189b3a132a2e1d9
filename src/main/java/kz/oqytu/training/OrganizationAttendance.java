package kz.oqytu.training;

import java.util.List;

import kz.oqytu.accounts.CurrentUser;

/**
 * An event's attendance by organization (decision 19): head counts recorded per primary
 * organization for events without a named list, the on-site host rule, and what is not recorded by
 * organization. Other modules read the same figures in SQL through the views
 * {@code training_v_org_attendance} and {@code training_v_event_unrecorded}.
 */
public interface OrganizationAttendance {

	/** The event's figures by organization, for staff whose scope covers it. */
	OrganizationCounts organizationCounts(CurrentUser user, long eventId);

	/**
	 * Replaces the counts recorded per organization, all or none. Refused (with a message key) for an
	 * event with a named list, for the host of an on-site session, for an organization outside the
	 * user's scope, for a repeated organization, and when per category the organizations would add up
	 * to more than the event's head count. {@code version} is the event's, as on its page.
	 */
	void recordOrganizationCounts(CurrentUser user, long eventId, int version, List<OrganizationCountCommand> rows);

	/**
	 * Records one organization's counts and keeps every other recorded organization as it is: the
	 * event page's "add or change one organization" form, for events too large for the whole grid.
	 * The row replaces that organization's counts (a row of zeros removes it); the merged rows are
	 * then saved exactly as {@link #recordOrganizationCounts} saves a grid, with its refusals. The
	 * row is the first of the merged rows, so a refusal naming a row names this one as row 1.
	 */
	void recordOrganizationCount(CurrentUser user, long eventId, int version, OrganizationCountCommand row);
}
