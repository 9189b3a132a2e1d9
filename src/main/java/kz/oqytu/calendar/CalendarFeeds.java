package kz.oqytu.calendar;

import kz.oqytu.accounts.CurrentUser;

/**
 * The calendar feeds of union bodies, for pages: a primary organization's for its chair (and staff who
 * see its portal), a region's and its committees' for staff in scope.
 */
public interface CalendarFeeds {

	/**
	 * The body's feed address, made on first use. Its chair for a primary organization, staff whose
	 * scope covers the body; anyone else gets an {@link org.springframework.security.access.AccessDeniedException}.
	 */
	FeedAddress address(CurrentUser user, long unitId);

	/**
	 * A new secret for the body's feed; the old address answers 404 from now on. A primary
	 * organization's chair or an administrator; a committee's, region's or the union's the
	 * methodologist or administrator whose scope covers it.
	 */
	FeedAddress regenerate(CurrentUser user, long unitId);
}
