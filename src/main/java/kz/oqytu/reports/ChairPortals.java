package kz.oqytu.reports;

import kz.oqytu.accounts.CurrentUser;

/** The chair's home: their organization at a glance. */
public interface ChairPortals {

	/**
	 * The portal of a primary organization for a year. Its own chair, and staff whose scope covers it
	 * (to see what the chair sees); anyone else is refused.
	 */
	ChairPortal portal(CurrentUser user, long organizationId, int year);
}
