package kz.oqytu.training;

import java.time.LocalDateTime;
import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/**
 * What other modules need of an event, read without a user (e.g. for the public survey form):
 * no scope check is made, so never hand it to a page without checking the caller's right to it.
 */
public record EventSummary(long id, String titleKk, String titleRu, String formCode, LocalDateTime startsAt,
		LocalDateTime endsAt, EventStatus status, String organizerPath, Long districtId, long participants,
		boolean shortFormat) {

	public String title(Locale locale) {
		return LocalizedText.pick(locale, titleKk, titleRu);
	}
}
