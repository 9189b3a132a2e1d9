package kz.oqytu.plans;

import java.util.List;

/** An item's page: the item, the events linked to it, and the topic requests it answers. */
public record PlanItemDetails(PlanHeader plan, PlanItemView item, List<PlanEventLine> events,
		List<PlannedRequest> requests) {
}
