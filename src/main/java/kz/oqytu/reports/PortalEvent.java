package kz.oqytu.reports;

import java.time.LocalDateTime;
import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/**
 * An event on a chair's portal: held in their district or at regional level, hosted by their
 * organization, or attended by its people; {@code fromHere} is what the organization is credited
 * with (named list, count recorded for it, or the on-site rule), {@code unrecorded} the event's
 * people not recorded by organization when its own count is not recorded there (decision 19).
 */
public record PortalEvent(long id, String titleKk, String titleRu, String formCode, LocalDateTime startsAt,
		LocalDateTime endsAt, String status, String venueKind, boolean hostedHere, long fromHere, long unrecorded) {

	public String title(Locale locale) {
		return LocalizedText.pick(locale, titleKk, titleRu);
	}

	public boolean upcoming() {
		return "PLANNED".equals(status);
	}
}
