package kz.oqytu.reports;

import java.util.List;

/** What the annual report shows (page, Excel, PDF, approval snapshot), read together in one go. */
public record AnnualReportPage(AnnualCoverageReport report, CoverageBreakdowns breakdowns, List<BudgetFigure> budget) {
}
