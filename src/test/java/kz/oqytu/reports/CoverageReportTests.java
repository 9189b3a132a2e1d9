package kz.oqytu.reports;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import kz.oqytu.shared.Percent;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import java.time.Clock;
import java.time.LocalDate;

/** The union's table, reproduced from the demo data: the acceptance figures of the brief. */
@OqytuIntegrationTest
class CoverageReportTests {

	@Autowired
	Clock clock;

	private static final List<String> CATEGORIES = List.of("UNION_MEMBER", "AUDIT_COMMISSION", "ACTIVIST", "CHAIR",
			"CONCILIATION_COMMISSION");

	@Autowired
	CoverageReports reports;

	@Autowired
	Users users;

	@Autowired
	MockMvc mvc;

	@Test
	void report2025ReadsExactlyAsTheUnionsTable() {
		AnnualCoverageReport r = reports.annual(users.current("executive"), Optional.empty(), 2025);
		YearFigures p = r.previous();
		YearFigures c = r.current();
		assertThat(p.membershipDate()).hasToString("2025-01-01");
		assertThat(c.membershipDate()).hasToString("2026-01-01");
		assertThat(new long[] { p.members(), c.members() }).containsExactly(33_468, 33_557);
		assertThat(new long[] { p.trained(), c.trained() }).containsExactly(5_673, 6_101);
		assertThat(CATEGORIES.stream().mapToLong(p::category).toArray()).containsExactly(1_494, 545, 238, 583, 2_813);
		assertThat(CATEGORIES.stream().mapToLong(c::category).toArray()).containsExactly(1_597, 593, 1_131, 522, 2_258);
		assertThat(p.coverage()).contains(Percent.ofValue("16.9"));
		assertThat(c.coverage()).contains(Percent.ofValue("18.1"));
		assertThat(new long[] { p.events(), c.events() }).containsExactly(29, 64);
		assertThat(r.coverageChange()).isEqualByComparingTo("1.2");
	}

	@Test
	void theYearListIsTheTrendsYearsNewestFirstAndThePageReadsAsThePartsDo() {
		kz.oqytu.accounts.CurrentUser executive = users.current("executive");
		// the skip scan over held events against the trend's count of held events per year
		List<Integer> fromTrend = new java.util.ArrayList<>(reports.trend(executive, Optional.empty()).stream()
			.map(kz.oqytu.reports.TrendPoint::year).toList());
		java.util.Collections.reverse(fromTrend);
		assertThat(reports.years(executive)).isEqualTo(fromTrend).contains(2025, 2024);
		assertThat(reports.latestYear(executive)).isEqualTo(fromTrend.stream()
			.filter(y -> y <= LocalDate.now(clock).getYear()).findFirst().orElseThrow());

		kz.oqytu.reports.AnnualReportPage page = reports.annualPage(executive, Optional.empty(), 2025);
		assertThat(page.report()).isEqualTo(reports.annual(executive, Optional.empty(), 2025));
		assertThat(page.breakdowns()).isEqualTo(reports.breakdowns(executive, Optional.empty(), 2025));
		assertThat(page.budget()).isEqualTo(reports.budget(executive, Optional.empty(), 2025));
		assertThat(reports.regionId(executive)).isEqualTo(page.report().regionId());
	}

	@Test
	void categoriesAddUpToTheTrainedRow() {
		AnnualCoverageReport r = reports.annual(users.current("methodologist"), Optional.empty(), 2025);
		for (YearFigures figures : List.of(r.previous(), r.current())) {
			assertThat(figures.categories().stream().mapToLong(CategoryFigure::participants).sum())
				.isEqualTo(figures.trained());
		}
	}

	@Test
	void report2024HasTheFirstColumnEmptyAndThe2024FiguresSecond() {
		AnnualCoverageReport r = reports.annual(users.current("executive"), Optional.empty(), 2024);
		assertThat(r.previous().trained()).isZero();
		assertThat(r.previous().coverage()).isEmpty();
		assertThat(r.current().members()).isEqualTo(33_468);
		assertThat(r.current().trained()).isEqualTo(5_673);
		assertThat(r.current().coverage()).contains(Percent.ofValue("16.9"));
		assertThat(r.current().events()).isEqualTo(29);
	}

	@Test
	void htmlReportShowsTheFiguresAsPrinted() throws Exception {
		String html = mvc.perform(get("/reports/coverage").param("year", "2025").with(users.as("executive")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String table = text(html.substring(html.indexOf("id=\"coverage-table\""), html.indexOf("</table>",
				html.indexOf("id=\"coverage-table\""))));
		assertThat(table).contains("01.01.2025 01.01.2026")
			.contains("33 468 33 557")
			.contains("5 673 6 101")
			.contains("1 494 1 597")
			.contains("545 593")
			.contains("238 1 131")
			.contains("583 522")
			.contains("2 813 2 258")
			.contains("16,9% 18,1%")
			.contains("29 64");
		assertThat(html).contains("2025 жылғы оқытумен қамту");
	}

	@Test
	void reportShowsTheRegionsBudgetShareAgainstTheNormForBothYears() throws Exception {
		List<BudgetFigure> budget = reports.budget(users.current("executive"), Optional.empty(), 2025);
		assertThat(budget).extracting(BudgetFigure::year).containsExactly(2025, 2026);
		assertThat(budget.get(0).share().share()).isEqualTo(Percent.ofValue("8"));
		assertThat(budget.get(0).share().below()).isTrue();
		assertThat(budget.get(1).share().share()).isEqualTo(Percent.ofValue("10"));
		assertThat(budget.get(1).share().meetsNorm()).isTrue();
		String html = mvc.perform(get("/reports/coverage").param("year", "2025").param("lang", "ru")
			.with(users.as("executive"))).andReturn().getResponse().getContentAsString();
		String section = text(html.substring(html.indexOf("id=\"budget-share\""), html.indexOf("</section>",
				html.indexOf("id=\"budget-share\""))));
		assertThat(section).contains("2025 8% 10% ✗ Ниже норматива").contains("2026 10%").contains("✓ Соответствует нормативу");
	}

	@Test
	void dashboardBudgetBannerFollowsTheSelectedYear() throws Exception {
		assertThat(budgetBanner("2025")).contains("2025").contains("8%").contains("Ниже норматива").doesNotContain("2026");
		assertThat(budgetBanner("2026")).contains("2026").contains("10%").contains("Соответствует нормативу");
	}

	private String budgetBanner(String year) throws Exception {
		String html = mvc.perform(get("/dashboard").param("year", year).param("lang", "ru").with(users.as("methodologist")))
			.andReturn().getResponse().getContentAsString();
		return text(html.substring(html.indexOf("id=\"budget-status\""), html.indexOf("</div>",
				html.indexOf("id=\"budget-status\""))));
	}

	@Test
	void htmlReportSpeaksRussianToo() throws Exception {
		String html = mvc.perform(get("/reports/coverage").param("year", "2025").param("lang", "ru")
			.with(users.as("executive"))).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("Охват обучением за 2025 год").contains("Общее количество членов профсоюза")
			.contains("Члены согласительных комиссий");
	}

	@Test
	void excelReportReadsBackWithTheSameFigures() throws Exception {
		MvcResult result = mvc.perform(get("/reports/coverage.xlsx").param("year", "2025").param("lang", "ru")
			.with(users.as("executive")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("oqytu-coverage-2025.xlsx")))
			.andReturn();
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter shown = new DataFormatter(java.util.Locale.ROOT);
			assertThat(sheet.getRow(3).getCell(2).getStringCellValue()).isEqualTo("01.01.2025");
			assertThat(sheet.getRow(3).getCell(3).getStringCellValue()).isEqualTo("01.01.2026");
			long[][] expected = { { 33_468, 33_557 }, { 5_673, 6_101 }, { 1_494, 1_597 }, { 545, 593 }, { 238, 1_131 },
					{ 583, 522 }, { 2_813, 2_258 } };
			for (int i = 0; i < expected.length; i++) {
				Row row = sheet.getRow(4 + i);
				assertThat(row.getCell(2).getNumericCellValue()).as("row %d", i + 1).isEqualTo(expected[i][0]);
				assertThat(row.getCell(3).getNumericCellValue()).as("row %d", i + 1).isEqualTo(expected[i][1]);
			}
			Row share = sheet.getRow(11);
			assertThat(share.getCell(2).getNumericCellValue()).isEqualTo(0.169, org.assertj.core.data.Offset.offset(1e-9));
			assertThat(share.getCell(3).getNumericCellValue()).isEqualTo(0.181, org.assertj.core.data.Offset.offset(1e-9));
			assertThat(shown.formatCellValue(share.getCell(2))).isEqualTo("16.9%");
			assertThat(shown.formatCellValue(share.getCell(3))).isEqualTo("18.1%");
			Row events = sheet.getRow(12);
			assertThat(events.getCell(2).getNumericCellValue()).isEqualTo(29);
			assertThat(events.getCell(3).getNumericCellValue()).isEqualTo(64);
			assertThat(sheet.getRow(4).getCell(1).getStringCellValue()).isEqualTo("Общее количество членов профсоюза");
			assertThat(workbook.getNumberOfSheets()).isGreaterThanOrEqualTo(6);
			Row budget2025 = sheet.getRow(18);
			assertThat(budget2025.getCell(0).getNumericCellValue()).isEqualTo(2025);
			assertThat(budget2025.getCell(2).getNumericCellValue()).isEqualTo(0.08, org.assertj.core.data.Offset.offset(1e-9));
			assertThat(budget2025.getCell(4).getStringCellValue()).isEqualTo("Ниже норматива");
		}
	}

	@Test
	void pdfReportHasTheTableInKazakhLetters() throws Exception {
		byte[] pdf = mvc.perform(get("/reports/coverage.pdf").param("year", "2025").with(users.as("executive")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
			assertThat(text).contains("33 557").contains("6 101").contains("18,1%").contains("16,9%")
				.contains("Кәсіподақ мүшелерінің жалпы саны").contains("Келісу комиссияларының мүшелері");
		}
	}

	@Test
	void districtsAddUpToTheRegion() {
		CoverageBreakdowns b = reports.breakdowns(users.current("methodologist"), Optional.empty(), 2025);
		assertThat(b.byDistrict().stream().mapToLong(Breakdown::participants).sum()).isEqualTo(6_101);
		assertThat(b.byDistrict().stream().mapToLong(Breakdown::events).sum()).isEqualTo(64);
		assertThat(b.byDistrict().stream().filter(d -> d.members() != null).mapToLong(Breakdown::members).sum())
			.isEqualTo(33_557);
		assertThat(b.byForm().stream().mapToLong(Breakdown::participants).sum()).isEqualTo(6_101);
		assertThat(b.byMonth().stream().mapToLong(Breakdown::events).sum()).isEqualTo(64);
		assertThat(b.byMonth()).extracting(Breakdown::key)
			.containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
		assertThat(b.shortFormats().events() + b.longerFormats().events()).isEqualTo(64);
		assertThat(b.shortFormats().participants() + b.longerFormats().participants()).isEqualTo(6_101);
		assertThat(b.organizationsTotal()).isEqualTo(614);
		// Decision 19: the demo's regional-level events are not recorded by organization, so no
		// organization is known to be left out; they are "not recorded by organization" instead.
		assertThat(b.organizationsLeftOut()).isZero();
		assertThat(b.organizationsNotRecorded()).isBetween(1L, 613L);
		assertThat(b.unrecorded().people()).isBetween(1L, 6_101L);
	}

	@Test
	void dashboardShowsTheLatestYearAndItsFigures() throws Exception {
		String html = mvc.perform(get("/dashboard").with(users.as("methodologist")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(text(html)).contains("2025 оқу жылы").contains("64").contains("6 101").contains("18,1%");
		assertThat(html).contains("/events?year=2025&amp;status=HELD");
		assertThat(html).contains("id=\"trend-data\"");
	}

	@Test
	void onlyStaffReadReports() throws Exception {
		for (String path : List.of("/reports/coverage?year=2025", "/reports/coverage.xlsx?year=2025",
				"/reports/coverage.pdf?year=2025", "/dashboard")) {
			mvc.perform(get(path).with(users.as("chair"))).andExpect(status().isForbidden());
		}
		mvc.perform(get("/reports/coverage").param("year", "2025").with(users.as("methodologist")))
			.andExpect(status().isOk());
		mvc.perform(get("/reports/coverage").param("year", "2025").with(users.as("admin"))).andExpect(status().isOk());
	}

	@Test
	void theWholeUnionsReportIsOnlyForThoseWhoseScopeIsTheUnion() throws Exception {
		// the demo holds one region, so the union's figures are Aktobe's
		AnnualCoverageReport union = reports.annual(users.current("admin"), Optional.of(1L), 2025);
		assertThat(union.current().members()).isEqualTo(33_557);
		assertThat(union.current().trained()).isEqualTo(6_101);
		mvc.perform(get("/reports/coverage?year=2025&region=1").with(users.as("admin"))).andExpect(status().isOk());
		mvc.perform(get("/dashboard?year=2025&region=1").with(users.as("admin"))).andExpect(status().isOk());
		mvc.perform(get("/reports/coverage?year=2025&region=1").with(users.as("methodologist")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/dashboard?year=2025&region=1").with(users.as("executive"))).andExpect(status().isNotFound());
	}

	@Test
	void theExecutiveLandsOnTheReport() throws Exception {
		mvc.perform(get("/").with(users.as("executive")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/reports/coverage"));
		mvc.perform(get("/reports/coverage").with(users.as("executive")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/reports/coverage?year=2025"));
	}

	private static String text(String html) {
		return org.springframework.web.util.HtmlUtils.htmlUnescape(html.replaceAll("<[^>]+>", " ")).replaceAll("\\s+", " ");
	}
}
