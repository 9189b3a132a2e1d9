package kz.oqytu.browser;

import java.io.InputStream;
import java.nio.file.Files;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The executive committee reads the 2025 report as the union printed it, and downloads it. */
@BrowserTest
class ExecutiveJourneyTests {

	@LocalServerPort
	int port;

	private Ui ui;

	@BeforeEach
	void setUp() {
		ui = new Ui(port);
	}

	@Test
	void readsThe2025ReportAndDownloadsItsExcelFile(Browser browser) throws Exception {
		Page page = ui.desktop(browser);
		ui.signIn(page, "executive");
		// The executive committee lands on the annual report; 2025 is the report of the brief.
		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/reports/coverage\\?year=\\d{4}$"));
		page.navigate(ui.url("/reports/coverage?year=2025"));
		assertThat(page.locator("#row-members td.num")).hasText(new String[] { "33 468", "33 557", "+89" });
		assertThat(page.locator("#row-trained td.num")).hasText(new String[] { "5 673", "6 101", "+428" });
		assertThat(page.locator("#row-UNION_MEMBER td.num")).hasText(new String[] { "1 494", "1 597", "+103" });
		assertThat(page.locator("#row-AUDIT_COMMISSION td.num")).hasText(new String[] { "545", "593", "+48" });
		assertThat(page.locator("#row-ACTIVIST td.num")).hasText(new String[] { "238", "1 131", "+893" });
		assertThat(page.locator("#row-CHAIR td.num")).hasText(new String[] { "583", "522", "\u221261" });
		assertThat(page.locator("#row-CONCILIATION_COMMISSION td.num")).hasText(new String[] { "2 813", "2 258", "\u2212555" });
		assertThat(page.locator("#row-share td.num").first()).hasText("16,9%");
		assertThat(page.locator("#row-share td.num").nth(1)).hasText("18,1%");
		assertThat(page.locator("#row-events td.num").first()).hasText("29");
		assertThat(page.locator("#row-events td.num").nth(1)).hasText("64");
		assertThat(page.locator("#budget-2025")).containsText("8%");
		assertThat(page.locator("#budget-2026")).containsText("10%");
		ui.screenshot(page, "coverage-report");

		Download download = page.waitForDownload(() -> page.click("text=Excel жүктеу"));
		assertThat(download.suggestedFilename()).isEqualTo("oqytu-coverage-2025.xlsx");
		try (InputStream in = Files.newInputStream(download.path()); Workbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(4).getCell(3).getNumericCellValue()).isEqualTo(33_557);
			assertThat(sheet.getRow(5).getCell(3).getNumericCellValue()).isEqualTo(6_101);
			assertThat(sheet.getRow(5).getCell(2).getNumericCellValue()).isEqualTo(5_673);
			assertThat(sheet.getRow(11).getCell(3).getNumericCellValue())
				.isEqualTo(0.181, org.assertj.core.data.Offset.offset(1e-9));
		}
	}
}
