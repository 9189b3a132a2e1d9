package kz.oqytu.reports;

import java.math.BigDecimal;
import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/**
 * The annual coverage report for training year Y: the previous year's column (01.01.Y) and this
 * year's (01.01.Y+1), as in the union's table.
 */
public record AnnualCoverageReport(long regionId, String regionKk, String regionRu, int year, YearFigures previous,
		YearFigures current) {

	public String region(Locale locale) {
		return LocalizedText.pick(locale, regionKk, regionRu);
	}

	/** Change in percentage points of the coverage, or null when a year has no data. */
	public BigDecimal coverageChange() {
		if (previous.coverage().isEmpty() || current.coverage().isEmpty()) {
			return null;
		}
		return current.coverage().get().pointsAbove(previous.coverage().get());
	}
}
