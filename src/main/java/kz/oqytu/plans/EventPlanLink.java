package kz.oqytu.plans;

import java.util.List;
import java.util.Optional;

/** What the event page shows: the plan item the event carries, and the items of its year it could carry. */
public record EventPlanLink(long eventId, int year, boolean planExists, Optional<PlanItemRef> item,
		List<PlanItemRef> options) {
}
