package kz.oqytu.surveys;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/**
 * Follow-up surveys that open, for the reminder to the event's organizer (read by the reminders
 * module). No user: the caller is a scheduled job.
 */
public interface FollowUpOpenings {

	/** Follow-up surveys of events not cancelled that open in [from, to), with their public address. */
	List<FollowUpOpening> opening(LocalDateTime from, LocalDateTime to);

	/** A follow-up survey, its event and organizing body, and the address its QR code carries. */
	record FollowUpOpening(long surveyId, long eventId, long organizerUnitId, String eventTitleKk, String eventTitleRu,
			LocalDateTime opensAt, LocalDateTime closesAt, String url, String shortCode) {

		public String eventTitle(Locale locale) {
			return LocalizedText.pick(locale, eventTitleKk, eventTitleRu);
		}
	}
}
