package kz.oqytu.requests.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import kz.oqytu.requests.RequestDecision;
import kz.oqytu.requests.RequestStatus;
import kz.oqytu.requests.RequestView;

/** The methodologist's decision on a request. */
record DecisionForm(@NotNull(message = "{validation.required}") RequestStatus status, Long planItemId, Long eventId,
		@Size(max = 1000, message = "{validation.tooLong}") String reason, Integer version) {

	static DecisionForm of(RequestView r) {
		return new DecisionForm(r.status(), r.planItem() == null ? null : r.planItem().id(), r.eventId(),
				r.declineReason(), r.version());
	}

	RequestDecision decision() {
		return new RequestDecision(status, planItemId, eventId, reason);
	}
}
