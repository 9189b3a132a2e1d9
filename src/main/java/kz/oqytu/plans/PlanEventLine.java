package kz.oqytu.plans;

import java.time.LocalDateTime;
import java.util.Locale;

import kz.oqytu.shared.LocalizedText;
import kz.oqytu.training.EventStatus;

/** A training event as the plan shows it; {@code planItemId} is the item it carries, if any. */
public record PlanEventLine(long eventId, String titleKk, String titleRu, String formCode, LocalDateTime startsAt,
		EventStatus status, long participants, Long planItemId) {

	public String title(Locale locale) {
		return LocalizedText.pick(locale, titleKk, titleRu);
	}
}
