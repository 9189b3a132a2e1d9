package kz.oqytu.materials;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/**
 * Materials sent to primary organizations and not acknowledged, for the reminder to their chairs
 * (read by the reminders module). No user: the caller is a scheduled job.
 */
public interface UnacknowledgedMaterials {

	/** Deliveries sent on or before the date, to active organizations, that are not acknowledged yet. */
	List<Unacknowledged> sentOnOrBefore(LocalDate date);

	/** One material version delivered to one organization. */
	record Unacknowledged(long materialId, long versionId, long organizationId, String titleKk, String titleRu,
			LocalDate sentOn) {

		public String title(Locale locale) {
			return LocalizedText.pick(locale, titleKk, titleRu);
		}
	}
}
