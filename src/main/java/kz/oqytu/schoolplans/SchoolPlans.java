package kz.oqytu.schoolplans;

import java.util.Map;
import java.util.Optional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.plans.Plans;

/**
 * The primary organizations' schools of union training and their annual plans.
 *
 * <p>A chair reads and edits their own organization's plan; staff read the plans in their scope;
 * an administrator may also write (corrections, the demo). Anything else is an
 * {@link org.springframework.security.access.AccessDeniedException}.
 */
public interface SchoolPlans {

	// ---- for other modules (chair portal, monitoring page)

	/**
	 * An organization's plan for a year; empty when it has none (or no items). No user: the caller
	 * decides the reader may see the organization.
	 */
	Optional<SchoolPlanView> plan(long organizationId, int year);

	/**
	 * Every active primary organization in the user's scope (staff) with its plan's state for the
	 * year, NO_PLAN included; for a chair, their own organization only. One statement.
	 */
	Map<Long, SchoolPlanStatus> statusByOrganization(CurrentUser user, int year);

	/**
	 * The same for the given organizations only (those of the user's scope among them): a page of the
	 * monitoring. One statement.
	 */
	Map<Long, SchoolPlanStatus> statusByOrganization(CurrentUser user, int year,
			java.util.Collection<Long> organizationIds);

	/**
	 * The active primary organizations in the user's scope whose plan for the year has items (with
	 * {@code held}: held items), for the monitoring's filters and totals without a row per organization.
	 * One statement.
	 */
	java.util.Set<Long> organizationsWithItems(CurrentUser user, int year, boolean held);

	// ---- pages

	/** An organization's plan page; empty items when there is no plan yet. */
	SchoolPlanView page(CurrentUser user, long organizationId, int year);

	/** Whether the user may change the organization's school plan (its chair, or an administrator). */
	boolean canEdit(CurrentUser user, long organizationId);

	SchoolOverview overview(CurrentUser user, SchoolCriteria criteria);

	SchoolPlanItemView item(CurrentUser user, long organizationId, int year, long itemId);

	/** Adds an item, creating the year's plan on the first one. */
	long addItem(CurrentUser user, long organizationId, int year, SchoolItemCommand command);

	/** Adds several items at once (all or none), e.g. a whole year's plan; returns how many. */
	int addItems(CurrentUser user, long organizationId, int year, java.util.List<SchoolItemCommand> commands);

	void updateItem(CurrentUser user, long organizationId, int year, long itemId, int version,
			SchoolItemCommand command);

	void deleteItem(CurrentUser user, long organizationId, int year, long itemId, int version);

	/**
	 * Whether the user may start the year's plan as a copy of last year's: they may edit it, the year
	 * has no items yet and last year's plan has some.
	 */
	boolean canCopyPreviousYear(CurrentUser user, long organizationId, int year);

	/**
	 * Starts the year's plan as a copy of last year's (decision 30): topic, month, form, planned
	 * participants and notes are copied; whether and when an item was held, and who came, are not.
	 * Refused while the year already has items or when last year's plan has none. Returns how many.
	 */
	int copyPreviousYear(CurrentUser user, long organizationId, int year);

	/**
	 * Whether the user may start the year's plan from requests (decision 0050): they may edit it, the
	 * year has no items yet, and the organization requested topics for the year or the regional plan
	 * of the year has items that concern it.
	 */
	boolean canStartFromRequests(CurrentUser user, long organizationId, int year);

	/**
	 * Starts the year's plan from the topics the organization requested for the year (not declined
	 * ones) and the items of the year's regional plan that concern it
	 * ({@link Plans#itemsConcerning}); notes say where each came from, in the given language. Refused
	 * while the year has items or when there is nothing to start from. Returns how many items.
	 */
	int startFromRequests(CurrentUser user, long organizationId, int year, java.util.Locale locale);

	/** Years a school plan can be kept for: 2000 to next year. */
	static boolean validYear(int year, java.time.LocalDate today) {
		return Plans.validYear(year, today);
	}
}
