package kz.oqytu.plans;

/**
 * How far a plan item was carried out by the held events linked to it. Events that are only
 * scheduled (PLANNED) or were cancelled do not count.
 */
public enum ExecutionStatus {

	/** Held events gathered at least the planned participants (or any held event when none were planned). */
	HELD,
	/** Some events were held, with fewer participants than planned. */
	PARTLY,
	/** No linked event was held. */
	NOT_HELD;

	public static ExecutionStatus judge(long heldEvents, long actualParticipants, Integer plannedParticipants) {
		if (heldEvents <= 0) {
			return NOT_HELD;
		}
		if (plannedParticipants == null || actualParticipants >= plannedParticipants) {
			return HELD;
		}
		return PARTLY;
	}
}
