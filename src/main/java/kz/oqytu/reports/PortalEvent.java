package kz.oqytu.reports;

import java.time.LocalDateTime;
import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/**
 * An event on a chair's portal: held in their district, hosted by their organization, or attended
 * by its people; {@code fromHere} counts its named participants from the organization.
 */
public record PortalEvent(long id, String titleKk, String titleRu, String formCode, LocalDateTime startsAt,
		LocalDateTime endsAt, String status, String venueKind, boolean hostedHere, long fromHere) {

	public String title(Locale locale) {
		return LocalizedText.pick(locale, titleKk, titleRu);
	}

	public boolean upcoming() {
		return "PLANNED".equals(status);
	}
}
