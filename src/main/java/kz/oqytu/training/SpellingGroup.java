package kz.oqytu.training;

import java.util.List;

import kz.oqytu.organizations.UnitOption;

/**
 * One way of writing an organization that the registry and its aliases did not resolve, with the
 * rows that use it: one choice maps them all, and is kept as an alias at import.
 *
 * @param id a short stable id of the spelling (from its normalized key), for the choice's field name
 * @param spelling the spelling as first written in the file
 * @param rowNumbers the Excel row numbers that use it
 * @param suggestions the nearest organizations, the event's district first
 * @param chosen the organization chosen for it, or null
 * @param ambiguous whether several organizations answer to it (rather than none)
 */
public record SpellingGroup(String id, String spelling, List<Integer> rowNumbers, List<UnitOption> suggestions,
		Long chosen, boolean ambiguous) {

	public int rows() {
		return rowNumbers.size();
	}
}
