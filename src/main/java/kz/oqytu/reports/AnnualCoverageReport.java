package kz.oqytu.reports;

import java.math.BigDecimal;
import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/**
 * The annual coverage report for training year Y: the previous year's column (01.01.Y) and this
 * year's (01.01.Y+1), as in the union's table. A change is given only where both columns know the
 * figure: null (printed "—") when a column has no data, never a change against a missing 0.
 */
public record AnnualCoverageReport(long regionId, String regionKk, String regionRu, int year, YearFigures previous,
		YearFigures current) {

	public String region(Locale locale) {
		return LocalizedText.pick(locale, regionKk, regionRu);
	}

	/** Change in percentage points of the coverage, or null when a year has no data or is provisional. */
	public BigDecimal coverageChange() {
		if (previous.coverage().isEmpty() || current.coverage().isEmpty() || previous.provisional()
				|| current.provisional()) {
			return null;
		}
		return current.coverage().get().pointsAbove(previous.coverage().get());
	}

	/** Change of the members, or null unless both columns have their own 01.01 snapshot. */
	public Long membersChange() {
		if (!previous.hasMembers() || !current.hasMembers() || previous.earlierSnapshot() || current.earlierSnapshot()) {
			return null;
		}
		return current.members() - previous.members();
	}

	/**
	 * Change of a count (trained, a category, events), or null when a column has no data at all or is
	 * provisional (a year not yet over against a whole one would read as a fall).
	 */
	public Long countChange(long previousCount, long currentCount) {
		return previous.recorded() && current.recorded() && !previous.provisional() && !current.provisional()
				? currentCount - previousCount : null;
	}

	public Long trainedChange() {
		return countChange(previous.trained(), current.trained());
	}

	public Long categoryChange(String code) {
		return countChange(previous.category(code), current.category(code));
	}

	public Long eventsChange() {
		return countChange(previous.events(), current.events());
	}

	public Long uniquePersonsChange() {
		return countChange(previous.uniquePersons(), current.uniquePersons());
	}
}
