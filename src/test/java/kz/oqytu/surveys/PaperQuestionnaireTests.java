package kz.oqytu.surveys;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.training.EventCommand;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingEvents;
import kz.oqytu.training.VenueKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Paper questionnaires (issue #20, part 4, decision 46) on the real database: a typed sheet is stored
 * through the answers' triggers, marked as paper, counted in the results with its share; a wrong sheet is
 * refused in the user's language with nothing stored; the print is a PDF in Kazakh or Russian.
 */
@OqytuIntegrationTest
@Transactional
class PaperQuestionnaireTests {

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
	JdbcClient jdbc;

	private CurrentUser methodologist;

	private long eventId;

	private String paper;

	@BeforeEach
	void heldEventWhoseSurveyIsClosed() {
		methodologist = users.current("methodologist");
		// held last year: the phone survey is long closed, paper sheets are still typed in
		eventId = events.create(methodologist, new EventCommand("Қағаз сауалнама семинары", "Семинар с бумажными анкетами",
				"SEMINAR_PRACTICUM", Set.of("FINANCIAL_LITERACY"), LocalDateTime.of(2025, 6, 20, 10, 0),
				LocalDateTime.of(2025, 6, 20, 14, 0), BigDecimal.valueOf(4), VenueKind.COMMITTEE_PREMISES, 12L, null,
				null, null, Set.of(), null, null, EventStatus.HELD, Map.of("AUDIT_COMMISSION", 10)));
		paper = "/events/" + eventId + "/survey/paper";
	}

	private MockHttpServletRequestBuilder sheet(String usefulness, String applicability, String willApply) {
		return sheet(UUID.randomUUID().toString(), usefulness, applicability, willApply);
	}

	private MockHttpServletRequestBuilder sheet(String key, String usefulness, String applicability, String willApply) {
		return post(paper).with(csrf()).with(users.as("methodologist")).param("kind", "POST_EVENT")
			.param("_sheet", key)
			.param("q_usefulness", usefulness)
			.param("q_applicability", applicability)
			.param("q_will_apply", willApply);
	}

	private long responses() {
		return jdbc.sql("select count(*) from survey_response r join event_survey s on s.id = r.event_survey_id"
				+ " where s.event_id = :e").param("e", eventId).query(Long.class).single();
	}

	@Test
	void aSheetTypedAsDigitsIsStoredAsPaperThroughTheScoreTriggersAndTheNextSheetOpens() throws Exception {
		mvc.perform(sheet("5", "4", "2").param("q_comments", "Қағаздан жазылды"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(paper + "?kind=POST_EVENT"));
		Map<String, Object> row = jdbc.sql("""
				select r.source, r.entered_by, r.flagged, f.usefulness, f.applicability, f.answered, f.folded
				from survey_response r join event_survey s on s.id = r.event_survey_id
				join survey_response_score f on f.response_id = r.id where s.event_id = :e
				""").param("e", eventId).query().singleRow();
		assertThat(row.get("source")).isEqualTo("PAPER");
		assertThat(row.get("entered_by")).isEqualTo(methodologist.id());
		assertThat(row.get("flagged")).isEqualTo(false);
		// the score row written by the insert triggers (decisions 36, 41), unfolded for the fold (decision 38)
		assertThat(((Number) row.get("usefulness")).intValue()).isEqualTo(5);
		assertThat(((Number) row.get("applicability")).intValue()).isEqualTo(4);
		assertThat(row.get("answered")).isEqualTo(true);
		assertThat(row.get("folded")).isEqualTo(false);
		assertThat(jdbc.sql("""
				select a.option_code from survey_answer a join question q on q.id = a.question_id
				join survey_response r on r.id = a.response_id join event_survey s on s.id = r.event_survey_id
				where s.event_id = :e and q.code = 'will_apply'""").param("e", eventId).query(String.class).single())
			.as("option 2 of will_apply").isEqualTo("PARTLY");

		String next = mvc.perform(get(paper).param("lang", "kk").with(users.as("methodologist")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(next).contains("Енгізілген парақтар: 1");
		assertThat(next).containsPattern("<input[^>]*id=\"q_usefulness\"[^>]*autofocus|<input[^>]*autofocus[^>]*id=\"q_usefulness\"");
		assertThat(next).doesNotContain("Қағаздан жазылды");
	}

	@Test
	void theSameSheetSentTwiceIsStoredOnce() throws Exception {
		String key = UUID.randomUUID().toString();
		for (int i = 0; i < 2; i++) {
			mvc.perform(sheet(key, "3", "3", "1")).andExpect(status().is3xxRedirection());
		}
		assertThat(responses()).isEqualTo(1);
	}

	@Test
	void staffEntryPassesNoPublicLimit() throws Exception {
		// more sheets in a row than one device may post to the public form in a minute (20)
		for (int i = 0; i < 25; i++) {
			mvc.perform(sheet(Integer.toString(1 + i % 5), "4", "1")).andExpect(status().is3xxRedirection());
		}
		assertThat(responses()).isEqualTo(25);
		long survey = surveys.one(methodologist, eventId, SurveyKind.POST_EVENT).id();
		assertThat(jdbc.sql("select count(*) from survey_submit_count where kind = 'survey' and subject = :s")
			.param("s", Long.toString(survey)).query(Long.class).single()).as("no public limit counted").isZero();
		assertThat(surveys.paperForm(methodologist, eventId, SurveyKind.POST_EVENT).entered()).isEqualTo(25);
	}

	@Test
	void aWrongSheetIsRefusedInRussianAndKazakhAndNothingIsStored() throws Exception {
		String ru = mvc.perform(sheet("7", "", "9").param("lang", "ru").param("q_comments", "сохранить текст"))
			.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(ru).contains("Анкета не сохранена").contains("Введите одну цифру от 1 до 5.")
			.contains("На этот вопрос нужен ответ.").contains("Введите номер варианта из списка.")
			.contains("сохранить текст").contains("Введено анкет: 0");
		// the first wrong answer has the focus
		assertThat(ru).containsPattern("<input[^>]*id=\"q_usefulness\"[^>]*autofocus|<input[^>]*autofocus[^>]*id=\"q_usefulness\"");
		String kk = mvc.perform(sheet("5", "x", "0").param("lang", "kk"))
			.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(kk).contains("Парақ сақталмады").contains("1-ден 5-ке дейінгі бір цифрды теріңіз.")
			.contains("Тізімдегі нұсқаның нөмірін теріңіз.");
		assertThat(kk).containsPattern("<input[^>]*id=\"q_applicability\"[^>]*autofocus|<input[^>]*autofocus[^>]*id=\"q_applicability\"");
		assertThat(responses()).as("nothing stored").isZero();
		assertThat(jdbc.sql("select count(*) from survey_answer a join survey_response r on r.id = a.response_id"
				+ " join event_survey s on s.id = r.event_survey_id where s.event_id = :e").param("e", eventId)
			.query(Long.class).single()).isZero();
	}

	@Test
	void paperAnswersCountInTheResultsWithTheirShare() throws Exception {
		// three answers by phone, two from paper: five counted, two fifths on paper
		for (int i = 0; i < 3; i++) {
			surveys.recordResponses(methodologist, eventId, SurveyKind.POST_EVENT, List.of(Map.of("q_usefulness",
					List.of("4"), "q_applicability", List.of("4"), "q_will_apply", List.of("YES"))), ResponseSource.QR);
		}
		mvc.perform(sheet("5", "5", "1")).andExpect(status().is3xxRedirection());
		mvc.perform(sheet("2", "3", "3")).andExpect(status().is3xxRedirection());
		KindResults post = results.forEvent(methodologist, eventId).postEvent();
		assertThat(post.responses()).isEqualTo(5);
		assertThat(post.paper()).isEqualTo(2);
		assertThat(post.paperShare().value()).isEqualByComparingTo("40.0");
		assertThat(post.question("usefulness").orElseThrow().average()).isEqualByComparingTo("3.8");
		String ru = mvc.perform(get("/events/" + eventId + "/survey/results").param("lang", "ru")
			.with(users.as("executive"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(ru).contains("Ответов: 5").contains("Из них с бумажных анкет: 2 (40,0%)");
		String kk = mvc.perform(get("/events/" + eventId + "/survey/results").param("lang", "kk")
			.with(users.as("methodologist"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(kk).contains("Оның ішінде қағаз сауалнамалар: 2 (40,0%)");

		// the overview of the year (the region's fold) counts them and shows the share
		PaperShare share = results.paperShare(methodologist, 2025, null, null, null);
		assertThat(share.paper()).isEqualTo(2);
		assertThat(share.counted()).isGreaterThanOrEqualTo(5);
		assertThat(results.paperShare(methodologist, 2025, "SEMINAR_PRACTICUM", null, null).paper()).isEqualTo(2);
		assertThat(results.paperShare(methodologist, 2024, null, null, null).paper()).isZero();
		String overview = mvc.perform(get("/surveys/results").param("year", "2025").param("lang", "ru")
			.with(users.as("methodologist"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(overview).contains("id=\"paper-share\"").contains("С бумажных анкет: 2 из ");

		// the results workbook says of each row where it came from
		byte[] xlsx = mvc.perform(get("/events/" + eventId + "/survey/results.xlsx").param("lang", "ru")
			.with(users.as("methodologist"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
			var raw = book.getSheet("Ответы (после мероприятия)");
			List<String> headers = new java.util.ArrayList<>();
			raw.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
			int source = headers.indexOf("Источник");
			assertThat(source).isPositive();
			List<String> sources = new java.util.ArrayList<>();
			for (int r = 1; r <= raw.getLastRowNum(); r++) {
				sources.add(raw.getRow(r).getCell(source).getStringCellValue());
			}
			assertThat(sources).containsExactlyInAnyOrder("бумажная анкета", "бумажная анкета", "QR-код (онлайн)",
					"QR-код (онлайн)", "QR-код (онлайн)");
		}
	}

	@Test
	void paperEntryIsForWritersInTheEventsRegion() throws Exception {
		// the executive reads, the chair is no staff: both are refused, and nothing is stored
		mvc.perform(sheet("5", "5", "1").with(users.as("executive"))).andExpect(status().isForbidden());
		mvc.perform(sheet("5", "5", "1").with(users.as("chair"))).andExpect(status().isForbidden());
		assertThatThrownBy(() -> surveys.enterPaper(users.current("executive"), eventId, SurveyKind.POST_EVENT,
				Map.of("q_usefulness", "5", "q_applicability", "5", "q_will_apply", "1"), null))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		// a methodologist of another region: the event is outside their scope
		CurrentUser me = methodologist;
		// any unit the event's organizer is not under (RegionScopeTests asks the same of a second region's accounts)
		long otherRegion = jdbc.sql("""
				select u.id from org_unit u, training_event e join org_unit o on o.id = e.organizer_unit_id
				where e.id = :e and o.path not like u.path || '%' order by u.path limit 1""").param("e", eventId)
			.query(Long.class).single();
		String otherPath = jdbc.sql("select path from org_unit where id = :id").param("id", otherRegion).query(String.class).single();
		CurrentUser stranger = new CurrentUser(me.id(), me.username(), me.fullName(), me.role(), otherRegion, otherPath);
		assertThatThrownBy(() -> surveys.enterPaper(stranger, eventId, SurveyKind.POST_EVENT,
				Map.of("q_usefulness", "5", "q_applicability", "5", "q_will_apply", "1"), null))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		assertThatThrownBy(() -> surveys.paperForm(stranger, eventId, SurveyKind.POST_EVENT))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		assertThat(responses()).isZero();
	}

	@Test
	void thePrintedQuestionnaireIsAPdfInKazakhOrRussian() throws Exception {
		byte[] kk = mvc.perform(get(paper + ".pdf").param("lang", "kk").with(users.as("executive")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		String kkText = text(kk);
		// Kazakh letters come out as themselves (DejaVu Sans embedded), not as blanks or boxes
		assertThat(kkText).contains("Сауалнама").contains("Іс-шара сізге қаншалықты пайдалы болды?")
			.contains("Ішінара").contains("Қағаз сауалнама семинары");
		byte[] ru = mvc.perform(get(paper + ".pdf").param("lang", "ru").with(users.as("methodologist")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(text(ru)).contains("Анкета").contains("Насколько полезным для вас было мероприятие?")
			.contains("Частично").contains("Семинар с бумажными анкетами");
		// without a choice, the page's language
		byte[] page = mvc.perform(get(paper + ".pdf").header("Accept-Language", "ru").param("lang", "ru")
			.with(users.as("methodologist"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(text(page)).contains("Анкета");
	}

	private static String text(byte[] pdf) throws Exception {
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(doc);
		}
	}
}
