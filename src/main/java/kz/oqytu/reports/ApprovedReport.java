package kz.oqytu.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * An annual report as approved: the frozen figures, and when, by whom and under which protocol the
 * executive committee approved them.
 */
public record ApprovedReport(long id, int year, LocalDate approvedOn, String protocol, String approvedBy,
		String recordedBy, java.time.Instant recordedAt, AnnualCoverageReport report, CoverageBreakdowns breakdowns,
		List<BudgetFigure> budget) {
}
