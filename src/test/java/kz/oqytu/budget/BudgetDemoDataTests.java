package kz.oqytu.budget;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import kz.oqytu.shared.Percent;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The union's report: the region spent 8% of its budget on training in 2025 and 10% in 2026. */
@OqytuIntegrationTest
class BudgetDemoDataTests {

	private static final long REGION = 2;

	@Autowired
	Budgets budgets;

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Test
	void theRegionSpentEightPercentIn2025BelowTheNorm() {
		BudgetShare share = budgets.share(REGION, 2025).orElseThrow();
		assertThat(share.share()).isEqualTo(Percent.ofValue("8"));
		assertThat(share.norm()).isEqualTo(Percent.ofValue("10"));
		assertThat(share.status()).isEqualTo(BudgetStatus.BELOW);
		assertThat(share.basis()).isEqualTo(FigureBasis.ACTUAL);
		assertThat(share.totalExpenditure()).isEqualByComparingTo("150000000.00");
		assertThat(share.trainingSpending()).isEqualByComparingTo("12000000.00");
		assertThat(share.shortfallPoints()).isEqualTo(Percent.ofValue("2"));
		assertThat(share.shortfallAmount()).isEqualByComparingTo("3000000.00");
	}

	@Test
	void theRegionPlansTenPercentIn2026MeetingTheNorm() {
		BudgetShare share = budgets.share(REGION, 2026).orElseThrow();
		assertThat(share.share()).isEqualTo(Percent.ofValue("10"));
		assertThat(share.status()).isEqualTo(BudgetStatus.MEETS);
		assertThat(share.basis()).isEqualTo(FigureBasis.PLANNED);
	}

	@Test
	void theRegionsHistoryAndTheNormAreThereForTheReports() {
		assertThat(budgets.shares(REGION)).extracting(BudgetShare::year).containsExactly(2025, 2026);
		assertThat(budgets.norm(2025).share()).isEqualTo(Percent.ofValue("10"));
		assertThat(budgets.share(REGION, 2024)).isEmpty();
	}

	@Test
	void theOverviewOf2025ShowsTheRegionFirstAtEightPercentBelowTheNorm() throws Exception {
		String html = page("/budget?year=2025", "executive");
		String region = row(html, REGION);
		assertThat(html.indexOf("<tr", html.indexOf("<tbody"))).isEqualTo(html.indexOf(region));
		assertThat(region).contains("8%").contains("Нормативтен төмен").contains("150 000 000,00")
			.contains("12 000 000,00").contains("2 пайыздық тармаққа төмен").contains("3 000 000,00 ₸ жетпейді")
			.contains("text-bg-danger").doesNotContain("жоспар бойынша");
		assertThat(html).contains("Норматив: оқытуға жұмсалған шығын сметаның шығыс бөлігінің кемінде 10%");
	}

	@Test
	void theOverviewOf2026ShowsTheRegionAtTenPercentByPlan() throws Exception {
		String region = row(page("/budget?year=2026", "executive"), REGION);
		assertThat(region).contains("10%").contains("Нормативке сәйкес").contains("жоспар бойынша")
			.contains("text-bg-success");
	}

	@Test
	void theOverviewListsEveryCommitteeAndSaysWhoIsBelowTheNorm() throws Exception {
		String html = page("/budget?year=2025&lang=ru", "methodologist");
		for (long committee = 3; committee <= 15; committee++) {
			assertThat(html).contains("data-unit=\"" + committee + "\"");
		}
		// Ырғыз: 533 460 of 5 340 000 = 9,99%, printed 9,9% and below the norm.
		assertThat(row(html, 7)).contains("9,9%").contains("Ниже норматива");
		assertThat(row(html, 3)).contains("10,6%").contains("Соответствует нормативу");
	}

	@Test
	void aCommitteeThatHasNotReportedShowsNoData() throws Exception {
		assertThat(row(page("/budget?year=2026&lang=en", "executive"), 7)).contains("No data");
	}

	@Test
	void theChartCarriesTheRegionsSharesAndTheNormWithATableBeside() throws Exception {
		String html = page("/budget?year=2025", "executive");
		assertThat(html).contains("data-years=\"2025,2026\"").contains("data-values=\"8.0,10.0\"")
			.contains("data-norms=\"10.0,10.0\"").contains("data-statuses=\"BELOW,MEETS\"")
			.contains("id=\"budget-chart-table\"").containsPattern("src=\"/webjars/chart.js/[0-9.]+/dist/chart.umd.js\"")
			.containsPattern("src=\"/js/budget-chart-[0-9a-f]{32}\\.js\"");
	}

	@Test
	void sortingByShareKeepsTheRegionFirstAndPutsTheLowestNext() throws Exception {
		String html = page("/budget?year=2025&sort=SHARE", "executive");
		Matcher units = Pattern.compile("data-unit=\"(\\d+)\"").matcher(html);
		assertThat(units.find()).isTrue();
		assertThat(units.group(1)).isEqualTo("2");
		assertThat(units.find()).isTrue();
		// Ойыл: 405 030 of 5 870 000 = 6,9%, the lowest of 2025.
		assertThat(units.group(1)).isEqualTo("12");
	}

	@Test
	void theChartScriptAndChartJsAreServed() throws Exception {
		mvc.perform(get("/webjars/chart.js/dist/chart.umd.js")).andExpect(status().isOk());
		mvc.perform(get("/js/budget-chart.js")).andExpect(status().isOk());
	}

	@Test
	void staffSeeTheBudgetInTheNavigation() throws Exception {
		assertThat(page("/organizations/districts", "executive")).contains("href=\"/budget\"");
	}

	private String page(String path, String user) throws Exception {
		return mvc.perform(get(path).with(users.as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The overview's table row of one body. */
	static String row(String html, long unitId) {
		int start = html.lastIndexOf("<tr", html.indexOf("data-unit=\"" + unitId + "\""));
		return html.substring(start, html.indexOf("</tr>", start));
	}
}
