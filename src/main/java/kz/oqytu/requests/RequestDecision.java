package kz.oqytu.requests;

/**
 * The methodologist's decision on a request: PLANNED needs a plan item, HELD an event, DECLINED a
 * reason; SUBMITTED reopens it.
 */
public record RequestDecision(RequestStatus status, Long planItemId, Long eventId, String reason) {
}
