package kz.oqytu.requests;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import kz.oqytu.plans.PlanItemRef;
import kz.oqytu.shared.LocalizedText;

/**
 * A topic request with the methodologist's decision: the plan item it was planned in, the event
 * it was held at, or the reason it was declined.
 */
public record RequestView(long id, long organizationId, String organizationKk, String organizationRu,
		long districtId, String districtKk, String districtRu, int year, List<String> topicCodes,
		List<String> categoryCodes, String preferredFormCode, Integer preferredMonth, int expectedParticipants,
		String comment, RequestStatus status, PlanItemRef planItem, Long eventId, String eventTitleKk,
		String eventTitleRu, String declineReason, String submittedBy, Instant submittedAt, Instant decidedAt,
		int version) {

	public String organization(Locale locale) {
		return LocalizedText.pick(locale, organizationKk, organizationRu);
	}

	public String district(Locale locale) {
		return LocalizedText.pick(locale, districtKk, districtRu);
	}

	public String eventTitle(Locale locale) {
		return LocalizedText.pick(locale, eventTitleKk, eventTitleRu);
	}

	/** A chair may change or withdraw a request until the methodologist has decided on it. */
	public boolean open() {
		return status == RequestStatus.SUBMITTED;
	}
}
