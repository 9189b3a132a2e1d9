package kz.oqytu.training;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;

import kz.oqytu.accounts.CurrentUser;

/**
 * The training module's API. Reads and writes take the acting user and stay inside their scope;
 * outside it an {@link org.springframework.security.access.AccessDeniedException}.
 */
public interface TrainingEvents {

	Page<EventRow> search(CurrentUser user, EventCriteria criteria);

	/**
	 * The event list page's three statements (the page of events with its total, the years, the
	 * committees) in one read-only transaction: one connection and one commit for the page, not three.
	 */
	EventListing listing(CurrentUser user, EventCriteria criteria);

	EventDetails details(CurrentUser user, long id);

	long create(CurrentUser user, EventCommand command);

	void update(CurrentUser user, long id, int version, EventCommand command);

	void cancel(CurrentUser user, long id, int version);

	/** Sets the head counts of an event without a named list. */
	void recordHeadCounts(CurrentUser user, long id, Map<String, Integer> headCounts);

	List<Participant> participants(CurrentUser user, long eventId);

	/**
	 * One page of the named list, by name, with the total: participants whose name or organization
	 * contains {@code search} (any case), or all when it is blank.
	 */
	Page<Participant> participants(CurrentUser user, long eventId, String search, int page, int size);

	/** One participant of the event's named list (issue #20: a certificate), empty when not on it. */
	java.util.Optional<Participant> participant(CurrentUser user, long eventId, long participantId);

	/** Adds participants (all or none) and derives the event's head counts from its list. */
	int addParticipants(CurrentUser user, long eventId, List<ParticipantCommand> participants);

	void removeParticipant(CurrentUser user, long eventId, long participantId);

	/** Events of a month for the calendar, cancelled ones included. */
	List<EventRow> month(CurrentUser user, YearMonth month);

	/** An event for other modules, without a scope check (see {@link EventSummary}). */
	java.util.Optional<EventSummary> summary(long id);

	/** Several events at once, one statement. */
	Map<Long, EventSummary> summaries(java.util.Collection<Long> ids);

	/** Years that have events, newest first. */
	List<Integer> years(CurrentUser user);
}
