package kz.oqytu.reports;

import java.util.List;
import java.util.Optional;

import kz.oqytu.accounts.CurrentUser;

/** The reports module's API: coverage of a region for training years. */
public interface CoverageReports {

	/** The union's table for training year Y in the user's region (or the given one, within scope). */
	AnnualCoverageReport annual(CurrentUser user, Optional<Long> regionId, int year);

	CoverageBreakdowns breakdowns(CurrentUser user, Optional<Long> regionId, int year);

	/** The region's training share of its budget for Y and Y+1, as the union's report shows beside coverage. */
	List<BudgetFigure> budget(CurrentUser user, Optional<Long> regionId, int year);

	/**
	 * The annual report, its breakdowns and budget shares in one read: one region lookup and one
	 * transaction instead of one each.
	 */
	AnnualReportPage annualPage(CurrentUser user, Optional<Long> regionId, int year);

	/**
	 * The country's regions for training year Y (events, trained, members, coverage), when the region
	 * asked for is the union's root; empty for a region.
	 */
	List<Breakdown> byRegion(CurrentUser user, Optional<Long> regionId, int year);

	/** The id of the user's own region (or the union's root for the union's staff); staff only. */
	long regionId(CurrentUser user);

	/** The id of a report the user asked for (a region, or the union's root), checked against the user's scope. */
	long regionId(CurrentUser user, long requested);

	/** Every training year with held events, oldest first. */
	List<TrendPoint> trend(CurrentUser user, Optional<Long> regionId);

	/** Training years with held events in the user's region, newest first (one statement, unlike the trend). */
	List<Integer> years(CurrentUser user);

	/** The latest training year with held events, not after the current year; the current year if none. */
	int latestYear(CurrentUser user);

	/** Excel workbook of the annual report with its breakdowns, headers in the user's language. */
	byte[] annualWorkbook(CurrentUser user, Optional<Long> regionId, int year, java.util.Locale locale);

	/** PDF of the annual report. */
	byte[] annualPdf(CurrentUser user, Optional<Long> regionId, int year, java.util.Locale locale);
}
