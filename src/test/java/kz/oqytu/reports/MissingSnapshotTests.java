package kz.oqytu.reports;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.shared.Percent;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 16, part 3: a missing 01.01 membership snapshot is "no data", never 0, and nothing is
 * computed against it; the current year is provisional against the latest snapshot. The demo has
 * snapshots on 01.01.2025 and 01.01.2026 only. Years follow the injected clock (2027-01-01 in CI,
 * today locally), so every assertion holds under both.
 */
@OqytuIntegrationTest
class MissingSnapshotTests {

	@Autowired
	Clock clock;

	@Autowired
	CoverageReports reports;

	@Autowired
	Organizations organizations;

	@Autowired
	Users users;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private int thisYear() {
		return LocalDate.now(clock).getYear();
	}

	/** The snapshot written by the district test would be "the latest" for other tests: removed again. */
	@AfterEach
	void removeTheSnapshotsWrittenHere() {
		jdbc.sql("delete from membership_snapshot where as_of = :d")
			.param("d", LocalDate.of(thisYear() + 1, 1, 1))
			.update();
		// past the services: the reports' rollups are made again (decision 31)
		jdbc.sql("select reports_rollup_coverage_rebuild(), reports_rollup_monitoring_rebuild()").query((rs, n) -> 1).list();
	}

	@Test
	void aYearWithoutItsSnapshotHasNoMembersNoShareAndNoChange() {
		AnnualCoverageReport r = reports.annual(users.current("executive"), Optional.empty(), 2024);
		YearFigures before = r.previous();
		assertThat(before.membershipDate()).hasToString("2024-01-01");
		assertThat(before.members()).isNull();
		assertThat(before.hasMembers()).isFalse();
		assertThat(before.recorded()).isFalse();
		assertThat(before.coverage()).isEmpty();
		assertThat(r.membersChange()).isNull();
		assertThat(r.trainedChange()).isNull();
		assertThat(r.eventsChange()).isNull();
		assertThat(r.categoryChange("CHAIR")).isNull();
		assertThat(r.coverageChange()).isNull();
		// the seed column is untouched
		assertThat(r.current().members()).isEqualTo(33_468);
		assertThat(r.current().coverage()).contains(Percent.ofValue("16.9"));
	}

	@Test
	void thePastYear2026WithoutItsSnapshotIsNoDataAndTheCurrentYearProvisional() {
		AnnualCoverageReport r = reports.annual(users.current("executive"), Optional.empty(), 2026);
		assertThat(r.previous().members()).isEqualTo(33_557);
		YearFigures y2026 = r.current();
		if (thisYear() > 2026) {
			// CI's clock: 2026 is over and 01.01.2027 was never entered
			assertThat(y2026.provisional()).isFalse();
			assertThat(y2026.members()).isNull();
			assertThat(y2026.coverage()).isEmpty();
		}
		else {
			// 2026 is the current year: provisional, against the latest snapshot (01.01.2026)
			assertThat(y2026.provisional()).isTrue();
			assertThat(y2026.members()).isEqualTo(33_557);
			assertThat(y2026.membersAsOf()).hasToString("2026-01-01");
			assertThat(y2026.earlierSnapshot()).isTrue();
			assertThat(y2026.coverage()).isPresent();
		}
		// never "−33 557" or "−6 101": no change against a missing base or a year not yet over
		assertThat(r.membersChange()).isNull();
		assertThat(r.coverageChange()).isNull();
		assertThat(r.trainedChange()).isNull();
		assertThat(r.eventsChange()).isNull();
	}

	@Test
	void theCurrentYearIsProvisionalAgainstTheLatestSnapshotAndTheNextHasNoData() {
		int now = thisYear();
		AnnualCoverageReport r = reports.annual(users.current("executive"), Optional.empty(), now + 1);
		YearFigures current = r.previous();
		assertThat(current.trainingYear()).isEqualTo(now);
		assertThat(current.provisional()).isTrue();
		assertThat(current.membersAsOf()).hasToString("2026-01-01");
		assertThat(current.members()).isEqualTo(33_557);
		assertThat(current.coverage()).contains(Percent.of(current.trained(), 33_557).orElseThrow());
		YearFigures next = r.current();
		assertThat(next.provisional()).isFalse();
		assertThat(next.members()).isNull();
		assertThat(next.coverage()).isEmpty();
		assertThat(r.membersChange()).isNull();
		assertThat(r.coverageChange()).isNull();
		// the seed years are never provisional
		AnnualCoverageReport seed = reports.annual(users.current("executive"), Optional.empty(), 2025);
		assertThat(seed.previous().provisional() || seed.current().provisional()).isFalse();
		assertThat(seed.membersChange()).isEqualTo(89);
	}

	@Test
	void thePageSaysNoDataInKazakhAndRussianAndPrintsNoChangeAgainstAMissingColumn() throws Exception {
		String kk = text(page("/reports/coverage?year=2024", "kk"));
		String members = row(kk, "Кәсіподақ мүшелерінің жалпы саны");
		assertThat(members).contains("деректер жоқ 33 468 —").doesNotContain("+33 468");
		assertThat(kk).contains("16,9%").contains("01.01.2024 жағдайы бойынша мүшелер саны енгізілмеген");
		assertThat(row(kk, "Кәсіподақтық оқытудан өткендер, оның ішінде:")).contains("деректер жоқ 5 673 —").doesNotContain("+5 673");

		String ru = text(page("/reports/coverage?year=2024", "ru"));
		assertThat(row(ru, "Общее количество членов профсоюза")).contains("нет данных 33 468 —");
		assertThat(ru).contains("Численность членов на 01.01.2024 не введена");
	}

	@Test
	void thePageOfTheCurrentYearIsLabelledProvisionalWithTheSnapshotsDate() throws Exception {
		int now = thisYear();
		String html = page("/reports/coverage?year=" + now, "kk");
		// the year selector shows the year on the page even before it has held events
		assertThat(html).contains("<option value=\"" + now + "\" selected=\"selected\">");
		String kk = text(html);
		assertThat(kk).contains("алдын ала")
			.contains("01.01.2026 жағдайы бойынша")
			.contains("Алдын ала: " + now + " жыл әлі аяқталған жоқ")
			.doesNotContain("−33 557");
		String ru = text(page("/reports/coverage?year=" + now, "ru"));
		assertThat(ru).contains("предварительно").contains("на 01.01.2026").doesNotContain("−33 557")
			.contains("Численность и охват по районам предварительные: на 01.01.2026");
		assertThat(row(ru, "Прошли профсоюзное обучение, из них:")).doesNotContain("−6 101");
		if (now > 2026) {
			// the 2026 column: over, and its 01.01.2027 snapshot missing
			assertThat(row(ru, "Общее количество членов профсоюза")).startsWith("нет данных 33 557");
		}
	}

	@Test
	void theDashboardSaysNoDataForAYearWithoutDataAndProvisionalForTheCurrentYear() throws Exception {
		String y2024 = text(page("/dashboard?year=2024", "ru"));
		assertThat(y2024).contains("нет данных");
		assertThat(chartLabels(page("/dashboard?year=2025", "ru"))).doesNotContain("предварительно");
	}

	@Test
	void excelSaysNoDataAndLabelsTheProvisionalColumn() throws Exception {
		try (Workbook workbook = workbook("/reports/coverage.xlsx?year=2024", "ru")) {
			Sheet sheet = workbook.getSheetAt(0);
			Row members = sheet.getRow(4);
			assertThat(members.getCell(2).getStringCellValue()).isEqualTo("нет данных");
			assertThat(members.getCell(3).getNumericCellValue()).isEqualTo(33_468);
			assertThat(members.getCell(4).getCellType()).isEqualTo(CellType.BLANK);
			Row trained = sheet.getRow(5);
			assertThat(trained.getCell(2).getStringCellValue()).isEqualTo("нет данных");
			assertThat(trained.getCell(4).getCellType()).isEqualTo(CellType.BLANK);
			Row share = sheet.getRow(11);
			assertThat(share.getCell(2).getStringCellValue()).isEqualTo("нет данных");
			assertThat(share.getCell(3).getNumericCellValue()).isEqualTo(0.169, org.assertj.core.data.Offset.offset(1e-9));
			assertThat(share.getCell(4).getCellType()).isEqualTo(CellType.BLANK);
		}
		int now = thisYear();
		try (Workbook workbook = workbook("/reports/coverage.xlsx?year=" + now, "kk")) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(3).getCell(3).getStringCellValue())
				.isEqualTo("01.01." + (now + 1) + " (алдын ала)");
			assertThat(sheet.getRow(4).getCell(3).getNumericCellValue()).isEqualTo(33_557);
			assertThat(cells(sheet)).anyMatch(t -> t.startsWith("Алдын ала: " + now + " жыл")
					&& t.contains("01.01.2026 жағдайындағы"));
		}
	}

	@Test
	void pdfSaysNoDataAndProvisionalInKazakhAndRussian() throws Exception {
		String y2024 = pdf("/reports/coverage.pdf?year=2024", "kk");
		assertThat(y2024).contains("деректер жоқ").contains("33 468").contains("16,9%").doesNotContain("+33 468");
		int now = thisYear();
		String current = pdf("/reports/coverage.pdf?year=" + now, "ru");
		assertThat(current).contains("(предварительно)").contains("на 01.01.2026").doesNotContain("−33 557");
	}

	@Test
	void aDistrictWithoutASnapshotHasNoMembersAndNoCoverage() throws Exception {
		CurrentUser admin = users.current("admin");
		int now = thisYear();
		LocalDate asOf = LocalDate.of(now + 1, 1, 1);
		// one committee of the region enters next 1 January's members, the others not yet
		long district = jdbc.sql("select d.id from org_unit d where d.level = 'COMMITTEE' and exists (select 1 from"
				+ " org_unit o where o.parent_id = d.id and o.level = 'PRIMARY' and o.active) order by d.id limit 1")
			.query(Long.class).single();
		List<Long> schools = jdbc.sql("select id from org_unit where parent_id = :d and level = 'PRIMARY' and active"
				+ " order by id limit 3").param("d", district).query(Long.class).list();
		for (long school : schools) {
			organizations.recordMembership(admin, school, asOf, 40);
		}
		CoverageBreakdowns b = reports.breakdowns(users.current("methodologist"), Optional.empty(), now);
		Breakdown entered = b.byDistrict().stream().filter(d -> d.key().equals(Long.toString(district))).findFirst()
			.orElseThrow();
		assertThat(entered.members()).isEqualTo(120);
		List<Breakdown> others = b.byDistrict().stream()
			.filter(d -> !d.key().isEmpty() && !d.key().equals(Long.toString(district))).toList();
		assertThat(others).isNotEmpty().allSatisfy(d -> {
			assertThat(d.members()).isNull();
			assertThat(d.coverage()).isNull();
		});
		String html = text(page("/reports/coverage?year=" + now, "ru"));
		String byDistrict = html.substring(html.indexOf("По районам"));
		assertThat(byDistrict).contains("нет данных");
	}

	@Test
	void approvalsFrozenWithAZeroForAMissingSnapshotReadAsNoData() {
		// before issue 16 a missing snapshot was frozen as members 0 with no snapshot date
		YearFigures legacy = new YearFigures(2023, LocalDate.of(2024, 1, 1), 0L, 0, List.of(), 0, 0, 0, null, false);
		assertThat(legacy.members()).isNull();
		assertThat(legacy.coverage()).isEmpty();
		YearFigures seed = new YearFigures(2024, LocalDate.of(2025, 1, 1), 33_468L, 5_673, List.of(), 29, 0, 0, null,
				false);
		assertThat(seed.membersAsOf()).hasToString("2025-01-01");
		assertThat(seed.coverage()).contains(Percent.ofValue("16.9"));
	}

	private String page(String path, String lang) throws Exception {
		return mvc.perform(get(path).param("lang", lang).with(users.as("executive")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private Workbook workbook(String path, String lang) throws Exception {
		byte[] body = mvc.perform(get(path).param("lang", lang).with(users.as("executive")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		return new XSSFWorkbook(new ByteArrayInputStream(body));
	}

	private String pdf(String path, String lang) throws Exception {
		byte[] body = mvc.perform(get(path).param("lang", lang).with(users.as("executive")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var document = org.apache.pdfbox.Loader.loadPDF(body)) {
			return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}

	private static List<String> cells(Sheet sheet) {
		List<String> texts = new java.util.ArrayList<>();
		for (Row row : sheet) {
			for (Cell cell : row) {
				if (cell.getCellType() == CellType.STRING) {
					texts.add(cell.getStringCellValue());
				}
			}
		}
		return texts;
	}

	private static String chartLabels(String html) {
		int start = html.indexOf("id=\"trend-data\"");
		return html.substring(start, html.indexOf("</script>", start));
	}

	/** The text of the table row that starts with the label, up to the next row. */
	private static String row(String text, String label) {
		int start = text.indexOf(label) + label.length();
		return text.substring(start).trim();
	}

	private static String text(String html) {
		return org.springframework.web.util.HtmlUtils.htmlUnescape(html.replaceAll("<[^>]+>", " ")).replaceAll("\\s+", " ");
	}
}
