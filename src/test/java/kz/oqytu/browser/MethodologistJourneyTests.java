package kz.oqytu.browser;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Autowired;

/** The methodologist's journeys: logging a seminar, importing a participant list, the QR survey. */
@BrowserTest
class MethodologistJourneyTests {

	@Autowired
	Clock clock;

	@LocalServerPort
	int port;

	private Ui ui;

	@BeforeEach
	void setUp() {
		ui = new Ui(port);
	}

	private static long number(String text) {
		return Long.parseLong(text.replaceAll("[^0-9]", ""));
	}

	@Test
	void logsASeminarTrainingWithAttendanceAndSeesTheDashboardChange(Browser browser) {
		Page page = ui.desktop(browser);
		ui.signIn(page, "methodologist");
		int year = LocalDate.now(clock).getYear();
		page.navigate(ui.url("/dashboard?year=" + year));
		long eventsBefore = number(page.textContent("#figure-events"));
		long trainedBefore = number(page.textContent("#figure-trained"));

		page.click("nav >> text=Іс-шаралар");
		page.click("text=Іс-шара қосу");
		assertThat(page.locator("h1")).hasText("Іс-шара қосу");
		page.fill("#titleKk", "Кәсіподақ белсенділеріне арналған семинар-тренинг");
		page.selectOption("#formCode", "SEMINAR_TRAINING");
		page.selectOption("#status", "HELD");
		String today = LocalDate.now(clock).toString();
		page.fill("#startsAt", today + "T09:00");
		page.fill("#endsAt", today + "T12:00");
		page.fill("#academicHours", "4");
		page.check("input[name=topicCodes][value=LEGAL_LITERACY]");
		page.selectOption("#venueKind", "COMMITTEE_PREMISES");
		page.selectOption("#districtId", "4");
		page.fill("#headCounts-ACTIVIST", "25");
		page.fill("#headCounts-AUDIT_COMMISSION", "10");
		ui.screenshot(page, "event-form");
		page.click("button:has-text('Сақтау')");
		page.waitForLoadState();
		assertThat(page.locator(".alert-success")).containsText("Іс-шара қосылды");
		assertThat(page.locator("#attendance-total")).hasText("35");

		// Attendance corrected on the event page: 5 chairs came too.
		page.fill("#count-CHAIR", "5");
		page.click("button:has-text('Қатысуды сақтау')");
		page.waitForLoadState();
		assertThat(page.locator("#attendance-total")).hasText("40");
		ui.screenshot(page, "event-page");

		page.navigate(ui.url("/dashboard?year=" + year));
		assertThat(number(page.textContent("#figure-events"))).isEqualTo(eventsBefore + 1);
		assertThat(number(page.textContent("#figure-trained"))).isEqualTo(trainedBefore + 40);
		ui.screenshot(page, "dashboard-after");
	}

	@Test
	void importsAParticipantListAfterFixingTheRowThePreviewFlagged(Browser browser) throws Exception {
		Page page = ui.desktop(browser);
		ui.signIn(page, "methodologist");
		// A planned December seminar: its registration list changes none of the report's held figures.
		page.navigate(ui.url("/events?year=2026&status=PLANNED&form=SEMINAR_PRACTICUM"));
		page.click("#event-table tbody tr:first-child td a");
		page.waitForLoadState();
		String eventUrl = page.url();
		page.click("text=Қатысушылар тізімі");
		page.waitForLoadState();

		Path bad = workbook("Бекова Айгерім|Алға ауданы, №1 орта мектеп|Кәсіподақ активі",
				"Сейтов Ержан|Жоқ мектеп №999|Тексеру комиссиясы",
				"Иванова Анна|Средняя школа №2, Алгинский район|Члены ревизионных комиссий");
		page.setInputFiles("#participants-file", bad);
		page.click("form[enctype='multipart/form-data'] button[type=submit]");
		page.waitForLoadState();
		assertThat(page.locator("#import-invalid")).isVisible();
		assertThat(page.locator("body")).containsText("Жоқ мектеп №999");
		// the error names its row and its reason
		assertThat(page.locator("body")).containsText("3-жол: «Жоқ мектеп №999»");
		ui.screenshot(page, "participant-import-errors");

		Path fixed = workbook("Бекова Айгерім|Алға ауданы, №1 орта мектеп|Кәсіподақ активі",
				"Сейтов Ержан|Алға ауданы, №3 орта мектеп|Тексеру комиссиясы",
				"Иванова Анна|Средняя школа №2, Алгинский район|Члены ревизионных комиссий");
		page.navigate(eventUrl + "/participants");
		page.setInputFiles("#participants-file", fixed);
		page.click("form[enctype='multipart/form-data'] button[type=submit]");
		page.waitForLoadState();
		assertThat(page.locator("#import-invalid")).hasCount(0);
		page.click("button.btn-success");
		page.waitForLoadState();
		assertThat(page.locator(".alert-success")).isVisible();
		assertThat(page.locator("#participants tbody tr")).hasCount(3);
		ui.screenshot(page, "participants-imported");
	}

	private static Path workbook(String... rows) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("Тізім");
			Row header = sheet.createRow(0);
			String[] titles = { "Аты-жөні / ФИО", "Ұйым / Организация", "Санат / Категория", "Лауазымы / Должность" };
			for (int c = 0; c < titles.length; c++) {
				header.createCell(c).setCellValue(titles[c]);
			}
			for (int r = 0; r < rows.length; r++) {
				String[] cells = rows[r].split("\\|");
				Row row = sheet.createRow(r + 1);
				for (int c = 0; c < cells.length; c++) {
					row.createCell(c).setCellValue(cells[c]);
				}
			}
			workbook.write(out);
			Path file = Files.createTempFile("participants", ".xlsx");
			Files.write(file, out.toByteArray());
			return file;
		}
	}

	@Test
	void aParticipantScansTheHandoutAnswersInRussianOnAPhoneAndTheMethodologistSeesIt(Browser browser)
			throws Exception {
		Page page = ui.desktop(browser);
		ui.signIn(page, "methodologist");
		page.navigate(ui.url("/events?year=2025&form=ROUND_TABLE&sort=DATE&desc=false"));
		if (page.locator("#event-table tbody tr td a").count() == 0) {
			page.navigate(ui.url("/events?year=2025&form=EXPERIENCE_EXCHANGE&sort=DATE&desc=false"));
		}
		page.click("#event-table tbody tr:first-child td a");
		page.waitForLoadState();
		String eventUrl = page.url();
		page.navigate(eventUrl + "/survey");
		if (page.locator("#survey-POST_EVENT form[action$='/survey/open'] button").count() > 0) {
			page.click("#survey-POST_EVENT form[action$='/survey/open'] button");
			page.waitForLoadState();
		}
		long before = number(page.locator("#survey-POST_EVENT dd").nth(4).textContent().split("\\(")[0]);

		page.navigate(eventUrl + "/survey/handout");
		ui.screenshot(page, "survey-handout");
		byte[] qr = page.locator("img.qr").screenshot();
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(qr));
		String decoded = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
				new BufferedImageLuminanceSource(image)))).getText();
		assertThat(decoded).matches("http://localhost:8080/s/[A-Za-z0-9_-]{22}");
		String surveyPath = decoded.substring("http://localhost:8080".length());

		Page phone = ui.phone(browser, 390, 844);
		phone.navigate(ui.url(surveyPath));
		phone.click("header nav >> text=Русский");
		phone.waitForLoadState();
		assertThat(phone.locator("legend").first()).containsText("Насколько полезным");
		phone.locator("#question-usefulness label").nth(4).tap();
		phone.locator("#question-applicability label").nth(3).tap();
		phone.locator("#question-will_apply label").first().tap();
		phone.locator("#question-category label").nth(2).tap();
		ui.screenshot(phone, "survey-phone");
		// a person takes a few seconds over the form; one sent faster is flagged and not counted
		phone.waitForTimeout(5_500);
		phone.click("button[type=submit]");
		phone.waitForLoadState();
		assertThat(phone.locator("h1")).hasText("Спасибо!");

		// opening the link again says so at once, not a blank form (issue #19)
		phone.navigate(ui.url(surveyPath));
		assertThat(phone.locator("h1")).hasText("Вы уже ответили");
		assertThat(phone.locator("form[data-survey]")).hasCount(0);

		page.navigate(eventUrl + "/survey");
		long after = number(page.locator("#survey-POST_EVENT dd").nth(4).textContent().split("\\(")[0]);
		assertThat(after).isEqualTo(before + 1);
	}
}
