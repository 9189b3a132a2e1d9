package kz.oqytu.plans;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The topic requests planned in the plan's items. A request is decided into a plan item, so the item
 * holds it: the item's page lists them, and an item that requests are planned in is not deleted. The
 * plan owns this question and the topic requests module answers it (it implements this interface), so
 * the plan does not depend on the requests (decision 0056).
 */
public interface PlannedRequests {

	/** The requests planned in an item, by organization. */
	List<PlannedRequest> plannedIn(long itemId);

	/** How many requests are planned in each of the items; items without any are absent. One statement. */
	Map<Long, Integer> countsPlannedIn(Collection<Long> itemIds);
}
