package kz.oqytu.checkin;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import kz.oqytu.accounts.CurrentUser;

/**
 * The check-in module's API. Staff methods take the acting user and stay inside their scope (the
 * event's, as training decides); the public ones take the check-in's code and need no account.
 */
public interface Checkins {

	/** The event's check-in, if it was opened; refuses events the user may not read. */
	Optional<CheckinView> find(CurrentUser user, long eventId);

	/** Opens check-in for the event (a new code), or moves its closing time; the writer's own scope only. */
	CheckinView open(CurrentUser user, long eventId, LocalDateTime closesAt);

	/** Closes check-in now. */
	void close(CurrentUser user, long eventId);

	/** The entries, newest first, each with its likely duplicates in the event's named list. */
	List<EntryView> entries(CurrentUser user, long eventId);

	/**
	 * Adds the entry to the event's named list through training (counts and rollups follow), with the
	 * given organization when not null (kept as an alias of the typed spelling when it did not resolve).
	 */
	void confirm(CurrentUser user, long eventId, long entryId, Long organizationId);

	/**
	 * Confirms every waiting entry whose organization is known and whose person is not on the list yet
	 * (the first of two alike), in one addition; the others stay waiting. Returns the number added.
	 */
	int confirmAll(CurrentUser user, long eventId);

	/** The entry is a person already on the named list: nothing is added. */
	void merge(CurrentUser user, long eventId, long entryId, long participantId);

	/** The entry is junk: nothing is added. */
	void reject(CurrentUser user, long eventId, long entryId);

	/** The public page's view of a check-in by its code (any case); empty for an unknown code. */
	Optional<PublicCheckin> byCode(String code);

	/** A participant's own entry: validated, limited per check-in and per device, refused after closing. */
	SubmitOutcome submit(String code, SelfCheckIn entry, String device);
}
