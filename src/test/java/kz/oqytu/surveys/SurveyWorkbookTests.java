package kz.oqytu.surveys;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.shared.NumberFormats;
import kz.oqytu.surveys.domain.SignedForms;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The survey workbook as its reader sees it (issue #16, item 4): labels in the reader's language
 * instead of codes, the union's local times instead of UTC, and a response rate above the recorded
 * attendance flagged with its reason, never capped.
 */
@OqytuIntegrationTest
@Transactional
class SurveyWorkbookTests {

	private static final List<String> CODES = List.of("YES", "PARTLY", "NO", "LEGAL_LITERACY", "COMMUNICATION", "OTHER",
			"POST_EVENT", "RATING", "SINGLE", "TOPICS", "usefulness", "will_apply", "next_topics", "SAME_BROWSER",
			"NO_DEVICE", "OTHER_DEVICE", "true", "false");

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Surveys surveys;

	@Autowired
	SurveyResults results;

	@Autowired
	TrainingEvents events;

	@Autowired
	Clock clock;

	private CurrentUser methodologist;

	private long eventId;

	@BeforeEach
	void heldEventOfTenWithOpenSurvey() {
		methodologist = users.current("methodologist");
		eventId = events.create(methodologist, new EventCommand("Ұжымдық шарт: кейстер", "Коллективный договор: кейсы",
				"SEMINAR_PRACTICUM", Set.of("COLLECTIVE_AGREEMENT"), LocalDateTime.of(2025, 11, 12, 9, 30),
				LocalDateTime.of(2025, 11, 12, 16, 0), BigDecimal.valueOf(6), VenueKind.COMMITTEE_PREMISES, 12L, null,
				null, null, Set.of(), null, null, EventStatus.HELD, Map.of("UNION_MEMBER", 10)));
		surveys.openNow(methodologist, eventId, SurveyKind.POST_EVENT);
	}

	private void answer(int n) throws Exception {
		EventSurveyView survey = surveys.one(methodologist, eventId, SurveyKind.POST_EVENT);
		mvc.perform(post("/s/" + survey.token()).with(csrf())
			.with(SignedForms.form(context, survey.id(), UUID.randomUUID()))
			.header("User-Agent", UUID.randomUUID().toString())
			.param("q_usefulness", Integer.toString(1 + n % 5))
			.param("q_applicability", "4")
			.param("q_will_apply", n % 3 == 0 ? "PARTLY" : "YES")
			.param("q_next_topics", n % 2 == 0 ? new String[] { "LEGAL_LITERACY" } : new String[] { "COMMUNICATION", "OTHER" })
			.param("q_next_topics_other", n % 2 == 0 ? "" : "Ұжымдық келіссөздер тәжірибесі")
			.param("q_category", "UNION_MEMBER"))
			.andExpect(status().is3xxRedirection());
	}

	/** An answer without the signed device cookie: stored, flagged with its reason. */
	private void flaggedAnswer() throws Exception {
		EventSurveyView survey = surveys.one(methodologist, eventId, SurveyKind.POST_EVENT);
		mvc.perform(post("/s/" + survey.token()).with(csrf())
			.with(SignedForms.form(null, SignedForms.formToken(context, survey.id(), UUID.randomUUID(),
					clock.instant().minus(SignedForms.OPENED_AGO))))
			.param("q_usefulness", "5").param("q_applicability", "5").param("q_will_apply", "YES"))
			.andExpect(status().is3xxRedirection());
	}

	private Workbook workbook(String lang, boolean flagged) throws Exception {
		byte[] xlsx = mvc.perform(get("/events/" + eventId + "/survey/results.xlsx").param("lang", lang)
			.param("flagged", Boolean.toString(flagged)).with(users.as("methodologist")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
	}

	/** The cell right of the first cell in column A that reads {@code label}. */
	private static Row row(Sheet sheet, String label) {
		for (Row row : sheet) {
			Cell first = row.getCell(0);
			if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(label)) {
				return row;
			}
		}
		throw new AssertionError("no row " + label + " in " + sheet.getSheetName());
	}

	private static List<String> strings(Workbook workbook) {
		List<String> cells = new ArrayList<>();
		workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> {
			if (cell.getCellType() == CellType.STRING) {
				cells.add(cell.getStringCellValue());
			}
		})));
		return cells;
	}

	@Test
	void theWorkbookSpeaksInLabelsOfTheReadersLanguageNeverInCodes() throws Exception {
		// the flagged answer first, so that it is among the ten published when flagged ones are included
		flaggedAnswer();
		for (int n = 0; n < 9; n++) {
			answer(n);
		}
		try (Workbook ru = workbook("ru", true)) {
			Sheet summary = ru.getSheet("Итоги (после мероприятия)");
			assertThat(summary).isNotNull();
			assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Анкета после мероприятия");
			assertThat(row(summary, "Мероприятие").getCell(1).getStringCellValue()).isEqualTo("Коллективный договор: кейсы");
			List<String> cells = strings(ru);
			assertThat(cells).contains("Оценка 1–5", "Да", "Частично", "Правовая грамотность", "Эффективная коммуникация",
					"Другие актуальные темы", "Ұжымдық келіссөздер тәжірибесі", "метки устройства нет или она поддельная");
			assertThat(cells).as("no code where a label belongs").doesNotContainAnyElementsOf(CODES);
			Sheet raw = ru.getSheet("Ответы (после мероприятия)");
			List<String> headers = new ArrayList<>();
			raw.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
			assertThat(headers).contains("Насколько полезным для вас было мероприятие?",
					"Будете ли вы применять полученные знания в работе?", "Какие темы вам нужны в дальнейшем?", "Помечен для проверки");
			int topics = headers.indexOf("Какие темы вам нужны в дальнейшем?");
			int flag = headers.indexOf("Помечен для проверки");
			List<String> topicCells = new ArrayList<>();
			List<String> flags = new ArrayList<>();
			for (int r = 1; r <= raw.getLastRowNum(); r++) {
				Cell cell = raw.getRow(r).getCell(topics);
				topicCells.add(cell == null ? "" : cell.getStringCellValue());
				Cell f = raw.getRow(r).getCell(flag);
				flags.add(f == null ? "" : f.getStringCellValue());
			}
			// the text written under "other" never stands in a row: only the topic it counts under
			assertThat(topicCells).contains("Правовая грамотность", "Эффективная коммуникация; Другие актуальные темы")
				.noneMatch(c -> c.contains("Ұжымдық келіссөздер"));
			assertThat(flags).contains("да");
		}
		try (Workbook kk = workbook("kk", false)) {
			List<String> cells = strings(kk);
			assertThat(cells).contains("Іс-шарадан кейінгі сауалнама", "Иә", "Құқықтық сауаттылық", "Тиімді коммуникация")
				.doesNotContainAnyElementsOf(CODES);
		}
		try (Workbook en = workbook("en", false)) {
			assertThat(strings(en)).contains("Legal literacy", "Effective communication", "Question type")
				.doesNotContainAnyElementsOf(CODES);
		}
	}

	@Test
	void theWorkbookGivesTheUnionsLocalTimesNotUtc() throws Exception {
		for (int n = 0; n < 5; n++) {
			answer(n);
		}
		EventSurveyView survey = surveys.one(methodologist, eventId, SurveyKind.POST_EVENT);
		LocalDateTime before = LocalDateTime.now(clock);
		try (Workbook ru = workbook("ru", false)) {
			LocalDateTime after = LocalDateTime.now(clock);
			Sheet summary = ru.getSheet("Итоги (после мероприятия)");
			assertThat(row(summary, "Время мероприятия").getCell(1).getStringCellValue())
				.isEqualTo("12.11.2025 09:30 – 12.11.2025 16:00");
			assertThat(row(summary, "Анкета открыта").getCell(1).getStringCellValue())
				.isEqualTo(NumberFormats.dateTime(survey.opensAt()) + " – " + NumberFormats.dateTime(survey.closesAt()));
			String made = row(summary, "Файл создан").getCell(1).getStringCellValue();
			assertThat(made).endsWith("(" + clock.getZone().getId() + ")");
			assertThat(made.substring(0, 16)).isIn(NumberFormats.dateTime(before), NumberFormats.dateTime(after));
			// the union's zone is not UTC: the same moment in UTC would read otherwise
			assertThat(clock.getZone().getRules().getOffset(clock.instant())).isNotEqualTo(ZoneOffset.UTC);
			assertThat(made.substring(0, 16)).isNotEqualTo(NumberFormats.dateTime(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
		}
	}

	@Test
	void aResponseRateAboveTheAttendanceIsFlaggedWithItsReasonInTheWorkbookAndOnThePages() throws Exception {
		for (int n = 0; n < 12; n++) {
			answer(n);
		}
		KindResults post = results.forEvent(methodologist, eventId).postEvent();
		assertThat(post.rate().value()).as("not capped").isEqualByComparingTo("120.0");
		try (Workbook ru = workbook("ru", false)) {
			Row rate = row(ru.getSheet("Итоги (после мероприятия)"), "Доля ответивших");
			assertThat(rate.getCell(1).getStringCellValue()).isEqualTo("120,0%");
			assertThat(rate.getCell(2).getStringCellValue())
				.isEqualTo("Ответов больше, чем записано участников (12 ответов, 10 участников): 120,0% — проверьте.");
		}
		try (Workbook kk = workbook("kk", false)) {
			Row rate = row(kk.getSheet("Қорытынды (іс-шарадан кейін)"), "Жауап беру үлесі");
			assertThat(rate.getCell(2).getStringCellValue()).startsWith("Жауаптар тіркелген қатысушылардан көп (12 жауап, 10 қатысушы)");
		}
		for (String[] page : new String[][] { { "kk", "Жауаптар тіркелген қатысушылардан көп (12 жауап, 10 қатысушы): 120,0%" },
				{ "ru", "Ответов больше, чем записано участников (12 ответов, 10 участников): 120,0%" } }) {
			String html = mvc.perform(get("/events/" + eventId + "/survey/results").param("lang", page[0])
				.with(users.as("methodologist"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(html).contains(page[1]);
		}
	}

	@Test
	void withinTheAttendanceTheRateStandsWithoutAWarning() throws Exception {
		for (int n = 0; n < 5; n++) {
			answer(n);
		}
		try (Workbook ru = workbook("ru", false)) {
			Row rate = row(ru.getSheet("Итоги (после мероприятия)"), "Доля ответивших");
			assertThat(rate.getCell(1).getStringCellValue()).isEqualTo("50,0%");
			assertThat(rate.getCell(2)).isNull();
		}
	}
}
