package kz.oqytu.exports;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.shared.NumberFormats;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.PrintChecks;
import kz.oqytu.testsupport.Users;
import kz.oqytu.training.EventCommand;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingEvents;
import kz.oqytu.training.VenueKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #16, part 5: the coverage report's Excel and PDF say whether they are the approved figures
 * (who approved them, when, under which protocol) or a draft: never approved, or changed since.
 */
@OqytuIntegrationTest
@Transactional
class ReportStampTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Clock clock;

	@Autowired
	TrainingEvents events;

	private byte[] download(String path, int year, boolean approved, String lang) throws Exception {
		return mvc.perform(get(path).param("year", Integer.toString(year)).param("approved", Boolean.toString(approved))
			.param("lang", lang).with(users.as("executive")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	private static String stampCell(byte[] xlsx) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			return workbook.getSheetAt(0).getRow(2).getCell(0).getStringCellValue();
		}
	}

	private static String pdfText(byte[] pdf) throws Exception {
		try (var document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	private void approve2025() throws Exception {
		mvc.perform(post("/reports/coverage/approval").with(users.as("methodologist")).with(csrf())
			.param("year", "2025").param("approvedOn", "2026-02-20").param("protocol", "9")
			.param("approvedBy", "Атқару комитеті"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flash", "reports.approval.flash.done"));
	}

	@Test
	void anUnapprovedReportIsMarkedDraftInEveryLanguageAndFile() throws Exception {
		LocalDateTime from = LocalDateTime.now(clock);
		byte[] ru = download("/reports/coverage.xlsx", 2024, false, "ru");
		try (XSSFWorkbook workbook = PrintChecks.assertPrintable(ru, clock, from, "Сформировано: ")) {
			XSSFSheet table = workbook.getSheetAt(0);
			assertThat(table.getRow(2).getCell(0).getStringCellValue()).isEqualTo("ПРОЕКТ: отчёт ещё не утверждён");
			// the mark is at the top of every printed page of every sheet
			workbook.forEach(sheet -> assertThat(((XSSFSheet) sheet).getHeader().getCenter()).contains("ПРОЕКТ"));
			assertThat(table.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Охват обучением за 2024 год");
		}
		assertThat(stampCell(download("/reports/coverage.xlsx", 2024, false, "kk"))).startsWith("ЖОБА");
		assertThat(stampCell(download("/reports/coverage.xlsx", 2024, false, "en"))).startsWith("DRAFT");

		String kk = pdfText(download("/reports/coverage.pdf", 2024, false, "kk"));
		assertThat(kk).contains("ЖОБА: есеп әлі бекітілмеген").contains("Жасалған уақыты: ")
			.contains("33 468").contains("5 673");
		String en = pdfText(download("/reports/coverage.pdf", 2024, false, "en"));
		assertThat(en).contains("DRAFT").contains("Made on ");
	}

	@Test
	void theApprovedReportCarriesTheStampAndTheLiveOneBecomesADraftWhenItsFiguresMove() throws Exception {
		approve2025();
		String stamp = "БЕКІТІЛДІ: Атқару комитеті, 20.02.2026, хаттама № 9";

		byte[] approved = download("/reports/coverage.xlsx", 2025, true, "kk");
		assertThat(stampCell(approved)).isEqualTo(stamp);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(approved))) {
			assertThat(workbook.getSheetAt(0).getHeader().getCenter()).contains(stamp);
			assertThat(workbook.getSheetAt(0).getRow(5).getCell(3).getNumericCellValue()).isEqualTo(6_101);
		}
		String approvedPdf = pdfText(download("/reports/coverage.pdf", 2025, true, "ru"));
		assertThat(approvedPdf).contains("УТВЕРЖДЕНО: Атқару комитеті, 20.02.2026, протокол № 9").doesNotContain("ПРОЕКТ")
			.contains("Сформировано: " + NumberFormats.date(LocalDateTime.now(clock).toLocalDate()));
		// the live report, while its figures are the approved ones, is the approved report
		assertThat(stampCell(download("/reports/coverage.xlsx", 2025, false, "kk"))).isEqualTo(stamp);

		// a seminar of 2025 logged late moves the live figures: the live files turn draft, the approved ones stay
		events.create(users.current("methodologist"), new EventCommand("Кешіктірілген семинар", "Поздний семинар",
				"THEMATIC_SEMINAR", Set.of("LABOUR_LAW"), LocalDateTime.of(2025, 12, 20, 10, 0),
				LocalDateTime.of(2025, 12, 20, 13, 0), BigDecimal.valueOf(3), VenueKind.COMMITTEE_PREMISES, 5L, null, null,
				null, Set.of(), null, null, EventStatus.HELD, Map.of("UNION_MEMBER", 12)));
		assertThat(stampCell(download("/reports/coverage.xlsx", 2025, false, "ru")))
			.isEqualTo("ПРОЕКТ: показатели изменились после утверждения (20.02.2026, протокол № 9)");
		assertThat(pdfText(download("/reports/coverage.pdf", 2025, false, "kk")))
			.contains("ЖОБА: көрсеткіштер бекітілгеннен кейін өзгерді").contains("6 113");
		assertThat(stampCell(download("/reports/coverage.xlsx", 2025, true, "kk"))).isEqualTo(stamp);
		assertThat(pdfText(download("/reports/coverage.pdf", 2025, true, "kk"))).contains(stamp).contains("6 101")
			.doesNotContain("6 113");
	}

	@Test
	void anApprovalNeedsItsProtocolNumber() throws Exception {
		mvc.perform(post("/reports/coverage/approval").with(users.as("methodologist")).with(csrf())
			.param("year", "2025").param("approvedOn", "2026-02-20").param("protocol", "  ")
			.param("approvedBy", "Исполнительный комитет"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashError", "reports.approval.error.form"));
		assertThat(stampCell(download("/reports/coverage.xlsx", 2025, false, "ru"))).startsWith("ПРОЕКТ");
	}
}
