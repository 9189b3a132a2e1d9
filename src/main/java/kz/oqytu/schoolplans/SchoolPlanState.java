package kz.oqytu.schoolplans;

/** Where a primary organization's school plan for a year stands. */
public enum SchoolPlanState {

	/** No plan, or a plan without items. */
	NO_PLAN,
	/** A plan whose items were none of them held (yet). */
	NOTHING_HELD,
	/** Some items held. */
	IN_PROGRESS,
	/** Every item held. */
	ALL_HELD;

	public static SchoolPlanState of(int items, int heldItems) {
		if (items <= 0) {
			return NO_PLAN;
		}
		if (heldItems <= 0) {
			return NOTHING_HELD;
		}
		return heldItems >= items ? ALL_HELD : IN_PROGRESS;
	}
}
