package kz.oqytu.browser;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A district's list as kept on file, imported in one upload at 1280 px: the spellings the registry
 * cannot know are chosen once each, the two wrong rows excluded, in Kazakh and Russian.
 */
@BrowserTest
class ParticipantImportBrowserTests {

	@LocalServerPort
	int port;

	private Ui ui;

	@BeforeEach
	void setUp() {
		ui = new Ui(port);
	}

	@Test
	void aListKeptOnFileImportsInOneUploadWithAChoicePerSpelling(Browser browser) throws Exception {
		Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)).newPage();
		ui.signIn(page, "methodologist");
		page.navigate(ui.url("/events?year=2026&status=PLANNED&sort=DATE&desc=true"));
		page.click("#event-table tbody tr:first-child td a");
		page.waitForLoadState();
		String eventUrl = page.url().replaceAll("\\?.*", "");
		page.navigate(eventUrl + "/participants");
		page.setInputFiles("#participants-file", list());
		page.click("form[enctype='multipart/form-data'] button[type=submit]");
		page.waitForLoadState();
		String previewUrl = page.url().replaceAll("\\?.*", "");

		// kk: the spellings grouped, the total line skipped, the bad rows with their row numbers
		assertThat(page.locator("#spelling-choices")).isVisible();
		assertThat(page.locator("#spelling-choices")).containsText("«Балапан» бөбекжайы");
		assertThat(page.locator("#skipped-rows")).containsText("Барлығы: 42 адам");
		assertThat(page.locator("#preview-rows")).containsText("48-жол");
		ui.screenshot(page, "participant-import-spellings-kk");
		assertThat(contentOverflows(page)).as("kk preview content wider than 1280 px").isFalse();

		page.navigate(previewUrl + "?lang=ru");
		assertThat(page.locator("#spelling-choices")).containsText("строк:");
		assertThat(page.locator("#preview-rows")).containsText("Строка 48: Не указаны ФИО.");
		ui.screenshot(page, "participant-import-spellings-ru");
		assertThat(contentOverflows(page)).as("ru preview content wider than 1280 px").isFalse();

		// one choice per spelling (the first suggestion), the unknown organization and the nameless row excluded
		Locator choices = page.locator("#spelling-choices tbody tr");
		int chosen = 0;
		for (int i = 0; i < choices.count(); i++) {
			Locator row = choices.nth(i);
			if (row.textContent().contains("Ромашка")) {
				continue;
			}
			row.locator("select").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
			chosen++;
		}
		page.check("#exclude-47");
		page.check("#exclude-48");
		page.click("#import-decisions button[type=submit]");
		page.waitForLoadState();
		assertThat(page.locator("#import-commit")).isVisible();
		assertThat(page.locator("#skipped-rows")).containsText("исключена вами");
		ui.screenshot(page, "participant-import-ready-ru");
		assertThat(contentOverflows(page)).isFalse();
		page.click("#import-commit button[type=submit]");
		page.waitForLoadState();
		assertThat(page.locator(".alert-success")).isVisible();
		assertThat(page.locator("#participants tbody tr")).hasCount(40);
		assertThat(chosen).isPositive();
	}

	/**
	 * Whether the page's own content (not the shared navbar, whose width in kk and ru is another
	 * part of issue #16) reaches past the window, or one of its tables scrolls sideways.
	 */
	private static boolean contentOverflows(Page page) {
		return (Boolean) page.evaluate("""
				() => {
				  const main = document.querySelector('main');
				  const tooWide = [...main.querySelectorAll('*')]
				    .filter(e => !e.closest('.table-responsive'))
				    .some(e => e.getBoundingClientRect().right > window.innerWidth + 1);
				  const scrolls = [...main.querySelectorAll('.table-responsive')]
				    .some(t => t.scrollWidth > t.clientWidth + 1);
				  return tooWide || scrolls;
				}""");
	}

	/** The goal's list: a title block, 40 people of Алға district written in several ways, a blank row, a total line. */
	private static Path list() throws Exception {
		String[] spellings = { "Алға ауданы, №1 орта мектеп", "№ 1 ОМ", "Алға ауданы №1 орта мектпе", "СШ №2",
				"3-ші  орта мектеп", "Средняя школа № 4 Алгинского района", "«Балапан» бөбекжайы",
				"Ясли-сад \"Айголек\" №2", "Алгинский пед. колледж", "Дом школьников" };
		String[] categories = { "БКҰ төрағасы", "профактив", "тексеру комиссиясының мүшесі", "кәсіподақ мүшесі",
				"член ревизионной комиссии", "председатель ППО", "келісу комиссиясының мүшесі" };
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { "Алға аудандық білім қызметкерлері кәсіподағы" });
		rows.add(new String[] { "Семинарға қатысушылар тізімі" });
		rows.add(new String[] { "Күні: 10.12.2026" });
		rows.add(new String[] {});
		rows.add(new String[] { "р/с", "Т.А.Ә.", "Бастауыш кәсіподақ ұйымы", "Лауазымы", "Санаты", "Қолы" });
		for (int i = 0; i < 40; i++) {
			rows.add(new String[] { String.valueOf(i + 1), "Браузерова Қатысушы " + (i + 1), spellings[i % spellings.length],
					"мұғалім", categories[i % categories.length] });
			if (i == 19) {
				rows.add(new String[] {});
			}
		}
		rows.add(new String[] { "41", "Ахметова Гүлжан", "«Ромашка» жеке балабақшасы", "тәрбиеші", "профактив" });
		rows.add(new String[] { "42", "", "СШ №2", "мұғалім", "кәсіподақ мүшесі" });
		rows.add(new String[] { "", "Барлығы: 42 адам" });
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("Тізім");
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows.get(r).length; c++) {
					if (!rows.get(r)[c].isEmpty()) {
						row.createCell(c).setCellValue(rows.get(r)[c]);
					}
				}
			}
			workbook.write(out);
			Path file = Files.createTempFile("тізім", ".xlsx");
			Files.write(file, out.toByteArray());
			return file;
		}
	}
}
