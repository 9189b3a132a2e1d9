package kz.oqytu.training;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import kz.oqytu.accounts.CurrentUser;

/**
 * Events for calendars (issue #20, part 3): which events a union body's calendar carries, and one
 * event for "add to calendar".
 *
 * <p>An event is <em>open to</em> a body when it concerns it, by the rule of the chair's portal: held in
 * the body's district (or, for a committee, in itself), hosted by it or an organization under it,
 * organized by it or a body under it, a regional (or national) event without a district organized by
 * one of its ancestors, or, for a primary organization, one where its people are recorded.
 */
public interface TrainingCalendar {

	/**
	 * Events open to the body that end at or after {@code from} and start before {@code until},
	 * cancelled ones included, by start; at most {@code limit}. No user: the caller has checked the
	 * right to the body's calendar (its secret address).
	 */
	List<CalendarEntry> openTo(long unitId, LocalDateTime from, LocalDateTime until, int limit);

	/**
	 * One event for the user's calendar: staff whose scope covers its organizer, a chair when it is
	 * open to their organization; otherwise empty (the caller answers 404).
	 */
	Optional<CalendarEntry> entry(CurrentUser user, long eventId);

	/** The last change of any event (its {@code updated_at}); null when there are none. */
	Instant lastChange();

	/**
	 * A number that grows with every write to the events (insert, update, delete), whatever the
	 * clocks say: with {@link #lastChange()} it tells a reader that something may have changed.
	 */
	long changeCount();
}
