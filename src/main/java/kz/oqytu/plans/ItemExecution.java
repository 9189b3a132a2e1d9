package kz.oqytu.plans;

/**
 * An item's execution: held and still scheduled linked events, and the participants of the held
 * ones (the sum of their head counts).
 */
public record ItemExecution(ExecutionStatus status, int heldEvents, int scheduledEvents, long actualParticipants) {
}
