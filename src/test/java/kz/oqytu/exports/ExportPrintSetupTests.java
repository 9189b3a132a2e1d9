package kz.oqytu.exports;

import java.time.Clock;
import java.time.LocalDateTime;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.PrintChecks;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #16, part 6: every Excel export prints. Each workbook is downloaded as its reader would,
 * in Kazakh or Russian, read back with POI, and every sheet checked for its page setup and footer.
 */
@OqytuIntegrationTest
class ExportPrintSetupTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	private byte[] download(String url, String user, String lang) throws Exception {
		return mvc.perform(get(url).param("lang", lang).with(users.as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	@Test
	void theCoverageTableIsOneLandscapePageWideWithItsHeaderRepeatedAndFrozen() throws Exception {
		LocalDateTime from = LocalDateTime.now(clock);
		byte[] xlsx = download("/reports/coverage.xlsx?year=2025", "executive", "ru");
		try (XSSFWorkbook workbook = PrintChecks.assertPrintable(xlsx, clock, from, "Сформировано: ")) {
			XSSFSheet table = workbook.getSheetAt(0);
			assertThat(table.getPrintSetup().getLandscape()).isTrue();
			// the header row of the table (row 4 in Excel) repeats on every page and the panes freeze below it
			assertThat(table.getRepeatingRows().formatAsString()).isEqualTo("4:4");
			assertThat(table.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 4);
			// the print area is the table's five columns, down to the budget lines
			assertThat(workbook.getPrintArea(0)).endsWith("$A$1:$E$" + (table.getLastRowNum() + 1));
			// the region's name and the note wrap within the table instead of spilling onto pages of their own
			assertThat(table.getMergedRegions()).extracting(r -> r.formatAsString())
				.contains("A2:E2", "A3:E3");
			assertThat(table.getRow(1).getCell(0).getCellStyle().getWrapText()).isTrue();
			// the figures stay where they were
			assertThat(table.getRow(5).getCell(3).getNumericCellValue()).isEqualTo(6_101);
			// a list sheet (districts) repeats its first row
			assertThat(workbook.getSheetAt(1).getRepeatingRows().formatAsString()).isEqualTo("1:1");
		}
	}

	@Test
	void theWideMonitoringSheetIsLandscapeAndKeepsTheOrganizationInView() throws Exception {
		LocalDateTime from = LocalDateTime.now(clock);
		byte[] xlsx = download("/reports/monitoring.xlsx?year=2025", "methodologist", "kk");
		try (XSSFWorkbook workbook = PrintChecks.assertPrintable(xlsx, clock, from, "Жасалған уақыты: ")) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
			assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("4:4");
			assertThat(sheet.getPaneInformation().getVerticalSplitLeftColumn()).isEqualTo((short) 2);
			assertThat(workbook.getPrintArea(0)).contains("$A$1:$U$");
			assertThat(sheet.getLastRowNum()).isGreaterThan(600);
		}
	}

	@Test
	void theBudgetPlanAndParticipantExportsPrintToo() throws Exception {
		LocalDateTime from = LocalDateTime.now(clock);
		try (XSSFWorkbook budget = PrintChecks.assertPrintable(download("/budget/export.xlsx?year=2025", "executive", "ru"),
				clock, from, "Сформировано: ")) {
			assertThat(budget.getSheetAt(0).getRepeatingRows().formatAsString()).isEqualTo("2:2");
			assertThat(budget.getSheetAt(0).getPrintSetup().getLandscape()).isTrue();
		}
		try (XSSFWorkbook plan = PrintChecks.assertPrintable(download("/plans/2026.xlsx", "methodologist", "kk"), clock,
				from, "Жасалған уақыты: ")) {
			assertThat(plan.getSheetAt(0).getRepeatingRows().formatAsString()).isEqualTo("4:4");
			assertThat(plan.getNumberOfSheets()).isEqualTo(3);
		}
		try (XSSFWorkbook participants = PrintChecks.assertPrintable(
				download("/events/participants.xlsx?year=2025", "methodologist", "ru"), clock, from, "Сформировано: ")) {
			XSSFSheet sheet = participants.getSheetAt(0);
			assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("1:1");
			assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
			assertThat(participants.getPrintArea(0)).endsWith("$A$1:$G$" + (sheet.getLastRowNum() + 1));
		}
	}

	@Test
	void theSurveyResultsPrint() throws Exception {
		Long event = jdbc.sql("""
				select s.event_id from event_survey s
				where exists (select 1 from survey_response r where r.event_survey_id = s.id)
				order by s.event_id limit 1
				""").query(Long.class).optional().orElse(null);
		org.junit.jupiter.api.Assumptions.assumeTrue(event != null, "the demo data hold survey responses");
		LocalDateTime from = LocalDateTime.now(clock);
		try (XSSFWorkbook results = PrintChecks.assertPrintable(
				download("/events/" + event + "/survey/results.xlsx", "methodologist", "kk"), clock, from,
				"Жасалған уақыты: ")) {
			assertThat(results.getNumberOfSheets()).isGreaterThanOrEqualTo(1);
			assertThat(results.getSheetAt(0).getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
		}
	}

	@Test
	void theQrHandoutPdfSaysWhenItWasMade() throws Exception {
		Long event = jdbc.sql("select event_id from event_survey order by event_id limit 1").query(Long.class)
			.optional().orElse(null);
		org.junit.jupiter.api.Assumptions.assumeTrue(event != null, "the demo data hold a survey");
		byte[] pdf = download("/events/" + event + "/survey/handout.pdf", "methodologist", "kk");
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
				.contains("Жасалған уақыты: " + kz.oqytu.shared.NumberFormats.date(LocalDateTime.now(clock).toLocalDate()));
		}
	}

	/**
	 * The seed table printed over 3 pages (the whole workbook over 14): measured by LibreOffice, which
	 * lays a sheet out for print as Excel does. Runs where LibreOffice is installed
	 * ({@code apt-get install libreoffice-calc-nogui}); the page setup it relies on is checked above
	 * everywhere.
	 */
	@Test
	void theSeedCoverageTablePrintsOnOnePage(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
		String soffice = java.util.stream.Stream.of("/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice")
			.filter(p -> java.nio.file.Files.isExecutable(java.nio.file.Path.of(p)))
			.findFirst()
			.orElse(null);
		org.junit.jupiter.api.Assumptions.assumeTrue(soffice != null, "LibreOffice is installed");
		byte[] xlsx = download("/reports/coverage.xlsx?year=2025", "executive", "ru");
		java.nio.file.Path whole = dir.resolve("coverage.xlsx");
		java.nio.file.Files.write(whole, xlsx);
		java.nio.file.Path table = dir.resolve("table.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
			while (workbook.getNumberOfSheets() > 1) {
				workbook.removeSheetAt(1);
			}
			try (var out = java.nio.file.Files.newOutputStream(table)) {
				workbook.write(out);
			}
		}
		Process process = new ProcessBuilder(soffice, "-env:UserInstallation=file://" + dir.resolve("profile"),
				"--headless", "--convert-to", "pdf", "--outdir", dir.toString(), whole.toString(), table.toString())
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("soffice.log").toFile())
			.start();
		assertThat(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		try (var tablePdf = org.apache.pdfbox.Loader.loadPDF(dir.resolve("table.pdf").toFile());
				var wholePdf = org.apache.pdfbox.Loader.loadPDF(dir.resolve("coverage.pdf").toFile())) {
			assertThat(tablePdf.getNumberOfPages()).isEqualTo(1);
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(tablePdf);
			assertThat(text).contains("Охват обучением за 2025 год").contains("Члены согласительных комиссий")
				.contains("ПРОЕКТ").contains("Сформировано: ");
			// six sheets, each on one page (the left-out sheet lists 50 organizations)
			assertThat(wholePdf.getNumberOfPages()).isEqualTo(6);
		}
	}

	@Test
	void importTemplatesPrintWithTheTimeTheyWereMade() throws Exception {
		LocalDateTime from = LocalDateTime.now(clock);
		// templates carry no reader's language in their footer: the time alone
		PrintChecks.assertPrintable(download("/budget/import/template.xlsx?year=2027", "methodologist", "kk"), clock, from, "")
			.close();
	}
}
