package kz.oqytu.plans;

import java.util.List;

/** A plan's page: approval and review, items with execution, and the events held outside the plan. */
public record PlanPage(PlanHeader plan, List<PlanItemView> items, List<PlanEventLine> outsideEvents,
		PlanTotals totals, boolean nextYearExists) {
}
