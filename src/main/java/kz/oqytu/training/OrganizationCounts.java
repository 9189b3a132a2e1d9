package kz.oqytu.training;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import kz.oqytu.shared.LocalizedText;

/**
 * An event's attendance by organization. {@code recorded} are the counts typed per organization
 * (editable), {@code attributed} every organization's figure as the reports count it (named list,
 * recorded, or the on-site rule), {@code ruleHost} the on-site host whose figure is the remainder,
 * {@code unrecorded} per category what no organization is credited with. Maps hold every category.
 */
public record OrganizationCounts(long eventId, int version, EventStatus status, VenueKind venueKind,
		boolean namedList, Map<String, Integer> headCounts, List<Line> recorded, List<Line> attributed,
		Line ruleHost, Map<String, Integer> unrecorded) {

	/** What a line's figure comes from. */
	public enum Source {
		NAMED, RECORDED, RULE
	}

	/** One organization's counts by category. */
	public record Line(long organizationId, String nameKk, String nameRu, Source source, Map<String, Integer> counts) {

		public String name(Locale locale) {
			return LocalizedText.pick(locale, nameKk, nameRu);
		}

		public int total() {
			return counts.values().stream().mapToInt(Integer::intValue).sum();
		}
	}

	public int headTotal() {
		return headCounts.values().stream().mapToInt(Integer::intValue).sum();
	}

	public int unrecordedTotal() {
		return unrecorded.values().stream().mapToInt(Integer::intValue).sum();
	}

	/** Whether counts may be recorded per organization here (not with a named list). */
	public boolean recordable() {
		return !namedList;
	}

	/** Whether the on-site rule credits the host with the remainder. */
	public boolean byRule() {
		return ruleHost != null;
	}
}
