package kz.oqytu.training;

import java.util.Map;
import java.util.Set;

/**
 * What the user decided on a participant-list preview: the organization chosen for each spelling
 * the registry did not know (by {@link SpellingGroup#id()}), and the rows left out (by Excel row
 * number). Carried in the request, so no state waits between the steps.
 */
public record ImportDecisions(Map<String, Long> organizationBySpelling, Set<Integer> excludedRows) {

	public static final ImportDecisions NONE = new ImportDecisions(Map.of(), Set.of());

	public ImportDecisions {
		organizationBySpelling = Map.copyOf(organizationBySpelling);
		excludedRows = Set.copyOf(excludedRows);
	}
}
