package kz.oqytu.reports;

import java.util.List;

/**
 * What the annual report shows (page, Excel, PDF, approval snapshot), read together in one go.
 * {@code byRegion} is the country's breakdown by region (issue 17), empty for a region's report.
 */
public record AnnualReportPage(AnnualCoverageReport report, CoverageBreakdowns breakdowns, List<BudgetFigure> budget,
		List<Breakdown> byRegion) {

	public AnnualReportPage(AnnualCoverageReport report, CoverageBreakdowns breakdowns, List<BudgetFigure> budget) {
		this(report, breakdowns, budget, List.of());
	}
}
