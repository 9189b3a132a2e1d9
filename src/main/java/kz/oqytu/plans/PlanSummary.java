package kz.oqytu.plans;

/** A plan of a year with its execution totals, for the list of plans and the monitoring page. */
public record PlanSummary(PlanHeader plan, PlanTotals totals) {

	public int year() {
		return plan.year();
	}
}
