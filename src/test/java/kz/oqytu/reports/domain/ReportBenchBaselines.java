package kz.oqytu.reports.domain;

import java.time.LocalDate;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import java.time.Clock;

/**
 * Bench profile only: the aggregate statements of the annual report and of the dashboard, run
 * directly for a region (or the union's root) with nothing around them: no session, security,
 * view records or template. It sits beside the package-private queries it runs.
 */
@RestController
@Profile("bench")
class ReportBenchBaselines {

	private final CoverageQueries queries;

	private final JdbcClient jdbc;

	private final kz.oqytu.budget.Budgets budgets;

	private final ReportsProperties properties;

	private final Clock clock;

	private final MonitoringQueries monitoringQueries;

	ReportBenchBaselines(CoverageQueries queries, JdbcClient jdbc, kz.oqytu.budget.Budgets budgets,
			ReportsProperties properties, Clock clock, MonitoringQueries monitoringQueries) {
		this.monitoringQueries = monitoringQueries;
		this.clock = clock;
		this.queries = queries;
		this.jdbc = jdbc;
		this.budgets = budgets;
		this.properties = properties;
	}

	/** The annual report's statements: both years' figures, the breakdowns, the budget shares. */
	@GetMapping(value = "/bench/baseline/coverage", produces = "text/plain")
	@Transactional(readOnly = true)
	String coverage(@RequestParam long region, @RequestParam int year) {
		String path = path(region);
		long check = queries.membersByDate(path).size() + figures(path, year - 1) + figures(path, year)
				+ breakdowns(path, year);
		check += budgets.share(region, year).isPresent() ? 1 : 0;
		check += budgets.share(region, year + 1).isPresent() ? 1 : 0;
		check += byRegion(path, year);
		return check + "\n";
	}

	/** The dashboard's statements: the latest year, the trend, the year's figures and breakdowns. */
	@GetMapping(value = "/bench/baseline/dashboard", produces = "text/plain")
	@Transactional(readOnly = true)
	String dashboard(@RequestParam long region, @RequestParam int year) {
		String path = path(region);
		long check = queries.heldYears(path).size();
		check += queries.eventsByYear(path).size() + queries.membersByDate(path).size()
				+ queries.trainedByYearAndCategory(path).size();
		check += queries.membersByDate(path).size() + figures(path, year - 1) + figures(path, year)
				+ breakdowns(path, year);
		check += budgets.share(region, LocalDate.now(clock).getYear()).isPresent() ? 1 : 0;
		check += byRegion(path, year);
		return check + "\n";
	}

	private String path(long region) {
		return jdbc.sql("select path from org_unit where id = :id").param("id", region).query(String.class).single();
	}

	/** The country's pages add the regions' table (issue 17); a region's pages do not. */
	private long byRegion(String path, int year) {
		return CoverageQueries.country(path)
				? queries.membersByDate(path).size() + queries.byRegion(path, year, LocalDate.of(year + 1, 1, 1)).size() : 0;
	}

	private long figures(String path, int year) {
		return queries.trainedByCategory(path, year).size() + queries.eventsAndPersons(path, year)[0];
	}

	private long breakdowns(String path, int year) {
		return queries.shortAndLonger(path, year, properties.shortFormatMaxDays())[0]
				+ monitoringQueries.coverage(path, null, null, year).size() + monitoringQueries.unrecorded(path, year)[0]
				+ queries.byDistrict(path, year, false).size() + queries.byForm(path, year).size()
				+ queries.byTopic(path, year).size() + queries.byMonth(path, year).size();
	}
}
