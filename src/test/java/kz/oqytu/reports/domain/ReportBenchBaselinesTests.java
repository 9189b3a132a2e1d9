package kz.oqytu.reports.domain;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.StatementCounter;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * S3 compares the dashboard and the annual report with their own SQL (issue #17): the bench's
 * baselines run the statements the pages run over the rollups, no fewer and no others.
 */
@OqytuIntegrationTest
class ReportBenchBaselinesTests {

	private static final int YEAR = 2025;

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	CoverageReportService reports;

	@Autowired
	CoverageQueries queries;

	@Autowired
	Organizations organizations;

	@Autowired
	kz.oqytu.budget.Budgets budgets;

	@Test
	void theDashboardsAndTheReportsBaselinesRunThePagesStatementsOverTheRollups() throws Exception {
		ReportBenchBaselines baselines = new ReportBenchBaselines(reports, queries, organizations, budgets);
		CurrentUser methodologist = users.current("methodologist");
		long region = organizations.regionOf(methodologist).orElseThrow().id();

		List<String> page = statements(() -> mvc.perform(get("/dashboard").param("year", "" + YEAR)
			.with(users.as("methodologist"))).andExpect(status().isOk()));
		List<String> baseline = statements(() -> baselines.dashboard(region, YEAR));
		assertThat(rollups(baseline)).as("the dashboard's baseline").isNotEmpty().isEqualTo(rollups(page));

		page = statements(() -> mvc.perform(get("/reports/coverage").param("year", "" + YEAR)
			.with(users.as("methodologist"))).andExpect(status().isOk()));
		baseline = statements(() -> baselines.coverage(region, YEAR));
		assertThat(rollups(baseline)).as("the report's baseline").isNotEmpty().isEqualTo(rollups(page));
	}

	interface Call {
		void run() throws Exception;
	}

	private static List<String> statements(Call call) throws Exception {
		StatementCounter.reset();
		call.run();
		return StatementCounter.statements();
	}

	/** The statements over the rollups (the monitoring's figures among them), sorted: the same multiset. */
	private static List<String> rollups(List<String> statements) {
		List<String> result = new ArrayList<>(statements.stream()
			.filter(s -> s.contains("reports_rollup") || s.contains("with orgs as"))
			.toList());
		result.sort(null);
		return result;
	}
}
