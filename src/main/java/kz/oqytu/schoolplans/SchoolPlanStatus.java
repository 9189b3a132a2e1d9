package kz.oqytu.schoolplans;

/** A school plan in figures: items, held items, planned and actual participants (of the held items). */
public record SchoolPlanStatus(long organizationId, int year, SchoolPlanState state, int items, int heldItems,
		long plannedParticipants, long participants) {

	public static SchoolPlanStatus none(long organizationId, int year) {
		return new SchoolPlanStatus(organizationId, year, SchoolPlanState.NO_PLAN, 0, 0, 0, 0);
	}
}
