package kz.oqytu.plans;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import kz.oqytu.accounts.CurrentUser;

/**
 * The regional annual plan: approval, items, their execution through training events, the
 * year-end review and the copy into next year's plan.
 *
 * <p>A plan belongs to the regional organization the user works in
 * ({@link kz.oqytu.organizations.Organizations#regionOf}). Staff read; ADMIN and METHODOLOGIST
 * write; outside the user's rights an {@link org.springframework.security.access.AccessDeniedException}.
 * Stale versions are a {@link kz.oqytu.shared.ConflictException}, broken rules a
 * {@link kz.oqytu.shared.BusinessRuleException} naming the field.
 *
 * <p>Execution: an item is HELD when its linked held events gathered at least the planned
 * participants, PARTLY when some were held with fewer, NOT_HELD when none was held
 * ({@link ExecutionStatus#judge}); held events of the plan's year linked to no item are "outside
 * the plan".
 */
public interface Plans {

	// ---- for other modules (monitoring page, chair portal)

	/** The region's plan for a year with its execution totals; empty when there is none. Staff only. */
	Optional<PlanSummary> summary(CurrentUser user, int year);

	/**
	 * Items of a year's regional plan that concern a primary organization: aimed at it, at its
	 * district, or at no one in particular (the whole region). No user: the caller decides the
	 * reader may see the organization.
	 */
	List<PlanItemView> itemsConcerning(long organizationId, int year);

	/** Plan items by id, one statement; unknown ids are absent. */
	Map<Long, PlanItemRef> itemRefs(Collection<Long> ids);

	/** The plan item an event carries out, if any. */
	Optional<PlanItemRef> itemOfEvent(long eventId);

	/** The plan items several events carry out, by event id, one statement; events without one are absent. */
	Map<Long, PlanItemRef> itemsOfEvents(Collection<Long> eventIds);

	// ---- pages

	/** Every plan of the user's region, newest first, with execution totals. */
	List<PlanSummary> plans(CurrentUser user);

	Optional<PlanPage> page(CurrentUser user, int year);

	/** Items of the year's plan for select lists (requests, resolutions, the event page). */
	List<PlanItemRef> itemOptions(CurrentUser user, int year);

	long create(CurrentUser user, int year, PlanApproval approval);

	void approve(CurrentUser user, int year, int version, PlanApproval approval);

	PlanItemDetails item(CurrentUser user, int year, long itemId);

	long addItem(CurrentUser user, int year, PlanItemCommand command);

	void updateItem(CurrentUser user, int year, long itemId, int version, PlanItemCommand command);

	/** Deletes an item and its event links; refused while topic requests are planned in it. */
	void deleteItem(CurrentUser user, int year, long itemId, int version);

	/** Links an event of the plan's year (held or scheduled) to an item; an event carries one item. */
	void linkEvent(CurrentUser user, long itemId, long eventId);

	void unlinkEvent(CurrentUser user, long itemId, long eventId);

	void review(CurrentUser user, int year, int version, PlanReview review);

	/**
	 * Starts next year's plan from this one: the items the review keeps (carry over), each with its
	 * review note as the correction, and the review's corrections on the new plan. Returns the new
	 * plan's year; refused when it already has a plan.
	 */
	int copyToNextYear(CurrentUser user, int year);

	/**
	 * Puts the items drafted from the coverage gap (decision 0050) into the year's plan, all or nothing:
	 * creates the plan unapproved when the year has none, and replaces the items drafted before (items
	 * written by hand stay). Refused for a past year, once the plan is approved, or while a drafted item
	 * carries events or topic requests. Returns how many items were drafted.
	 */
	int replaceDraftedItems(CurrentUser user, int year, List<PlanDraftItem> items);

	/** The plan and its execution as an Excel workbook in the reader's language. */
	byte[] workbook(CurrentUser user, int year, Locale locale);

	/** The event page's panel: the item the event carries and the items of its year. */
	EventPlanLink eventLink(CurrentUser user, long eventId);

	/** Years a plan can be made for: 2000 to next year. */
	static boolean validYear(int year, LocalDate today) {
		return year >= 2000 && year <= today.getYear() + 1;
	}
}
