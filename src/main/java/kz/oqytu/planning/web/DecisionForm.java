package kz.oqytu.planning.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import kz.oqytu.planning.RequestDecision;
import kz.oqytu.planning.RequestStatus;
import kz.oqytu.planning.RequestView;

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
