package kz.oqytu.security;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.shared.xlsx.XlsxWriter;
import kz.oqytu.surveys.SurveyKind;
import kz.oqytu.surveys.Surveys;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.training.EventCommand;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingEvents;
import kz.oqytu.training.VenueKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue #8, item 10 (ASVS V5.3.10, CSV/formula injection): text that starts with = + - @, a tab
 * or a carriage return comes back from Oqytu's Excel exports as a text cell, quote-prefixed, never
 * a formula: in every kind of text cell the shared writer makes (text, titles, headers), and end to
 * end in a real export carrying a participant's survey comment.
 */
@OqytuIntegrationTest
class ExportFormulaInjectionTests {

	private static final List<String> PAYLOADS = List.of("=HYPERLINK(\"http://evil.example\",\"click\")", "+1+1",
			"-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1", "=cmd|' /C calc'!A0");

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	TrainingEvents events;

	@Autowired
	Surveys surveys;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void everyTextCellTheWriterMakesStaysTextAndQuotePrefixed() throws Exception {
		byte[] file;
		try (XlsxWriter xlsx = new XlsxWriter()) {
			Sheet sheet = xlsx.sheet("S");
			xlsx.headers(sheet, 0, PAYLOADS.toArray(String[]::new));
			for (int i = 0; i < PAYLOADS.size(); i++) {
				Row row = xlsx.row(sheet, 1 + i);
				xlsx.text(row, 0, PAYLOADS.get(i));
				xlsx.title(row, 1, PAYLOADS.get(i));
			}
			file = xlsx.toBytes();
		}
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			int checked = 0;
			for (Row row : workbook.getSheetAt(0)) {
				for (Cell cell : row) {
					assertThat(cell.getCellType()).as(cell.getAddress().formatAsString()).isEqualTo(CellType.STRING);
					assertThat(PAYLOADS).contains(cell.getStringCellValue());
					assertThat(cell.getCellStyle().getQuotePrefixed()).as(cell.getAddress() + " quote-prefixed").isTrue();
					checked++;
				}
			}
			assertThat(checked).isEqualTo(PAYLOADS.size() * 3);
		}
	}

	@Test
	void aSurveyCommentStartingWithAnEqualsSignExportsAsText() {
		TransactionTemplate tx = new TransactionTemplate(transactions);
		tx.executeWithoutResult(status -> {
			status.setRollbackOnly();
			try {
				CurrentUser methodologist = users.current("methodologist");
				long event = events.create(methodologist, new EventCommand("Экспорт", "Экспорт", "THEMATIC_SEMINAR",
						Set.of("LABOUR_LAW"), LocalDateTime.of(2027, 7, 1, 10, 0), LocalDateTime.of(2027, 7, 1, 13, 0),
						java.math.BigDecimal.valueOf(3), VenueKind.REGIONAL_OFFICE, null, null, null, null, Set.of(), null,
						null, EventStatus.PLANNED, Map.of()));
				surveys.openNow(methodologist, event, SurveyKind.POST_EVENT);
				String token = surveys.one(methodologist, event, SurveyKind.POST_EVENT).token();
				String payload = PAYLOADS.get(0);
				long surveyId = surveys.one(methodologist, event, SurveyKind.POST_EVENT).id();
				// five answers: free text is shown (and exported) only from the anonymity threshold on
				for (int i = 0; i < 5; i++) {
					mvc.perform(post("/s/" + token).with(csrf())
						.with(kz.oqytu.surveys.domain.SignedForms.form(context, surveyId, UUID.randomUUID()))
						.param("q_usefulness", "5").param("q_applicability", "4").param("q_will_apply", "YES")
						.param("q_category", "ACTIVIST").param("q_comments", payload));
				}
				byte[] export = mvc.perform(get("/events/" + event + "/survey/results.xlsx").with(users.as("methodologist")))
					.andReturn().getResponse().getContentAsByteArray();
				int found = 0;
				try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export))) {
					for (Sheet sheet : workbook) {
						for (Row row : sheet) {
							for (Cell cell : row) {
								assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + cell.getAddress())
									.isNotEqualTo(CellType.FORMULA);
								if (cell.getCellType() == CellType.STRING && payload.equals(cell.getStringCellValue())) {
									assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
									found++;
								}
							}
						}
					}
				}
				assertThat(found).as("cells carrying the comment").isPositive();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}
}
