package kz.oqytu.plans;

/**
 * A plan's execution in figures: items by status, planned and actual participants of the items,
 * and the held events of the year that carry no item ("outside the plan").
 */
public record PlanTotals(int items, int held, int partly, int notHeld, long plannedParticipants,
		long actualParticipants, int outsideEvents, long outsideParticipants) {

	public static final PlanTotals NONE = new PlanTotals(0, 0, 0, 0, 0, 0, 0, 0);
}
