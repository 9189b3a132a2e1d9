package kz.oqytu.browser;

import java.io.InputStream;
import java.nio.file.Files;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #22, part 1: the methodologist opens the 2026 staff report drafted from the data, edits a
 * paragraph in Russian, saves a version and downloads the DOCX that carries it.
 */
@BrowserTest
class StaffReportJourneyTests {

	@LocalServerPort
	int port;

	private Ui ui;

	@BeforeEach
	void setUp() {
		ui = new Ui(port);
	}

	@Test
	void methodologistEditsAParagraphSavesAVersionAndDownloadsTheDocx(Browser browser) throws Exception {
		Page page = ui.desktop(browser);
		ui.signIn(page, "methodologist");
		page.navigate(ui.url("/staff-reports?year=2026&lang=ru"));
		assertThat(page.locator("h1")).hasText("Справка 2026 года");
		assertThat(page.locator("#staff-report-table")).containsText("33 557");
		assertThat(page.locator("#staff-report-table")).containsText("18,1%");
		assertThat(page.locator("#main")).containsText("объединяет 614 первичных профсоюзных организаций");
		ui.screenshot(page, "staff-report-draft");

		String edited = "Цель анализа – оценить систему обучения по итогам года (правка методиста).";
		page.fill("#t_s1_purpose", edited);
		page.click("#save-version");
		assertThat(page.locator(".alert-success")).containsText("сохранена");
		assertThat(page.locator("#t_s1_purpose")).hasValue(edited);
		assertThat(page.locator("#versions")).containsText("methodologist");

		Download download = page.waitForDownload(() -> page.click("#download-docx"));
		assertThat(download.suggestedFilename()).isEqualTo("oqytu-staff-report-2026-ru.docx");
		try (InputStream in = Files.newInputStream(download.path()); XWPFDocument doc = new XWPFDocument(in);
				XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
			assertThat(text.getText()).contains(edited).contains("СПРАВКА").contains("33 557").contains("6 101");
		}
	}
}
