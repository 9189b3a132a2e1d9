package kz.oqytu.surveys;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.shared.BusinessRuleException;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What the methodologist reads from the surveys, on an event of the test's own. */
@OqytuIntegrationTest
@Transactional
class SurveyResultsTests {

	@Autowired
	org.springframework.context.ApplicationContext context;

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

	private CurrentUser methodologist;

	private long eventId;

	@BeforeEach
	void heldEventWithOpenSurvey() {
		methodologist = users.current("methodologist");
		eventId = events.create(methodologist, new EventCommand("Нәтижелер семинары", "Семинар для результатов",
				"SEMINAR_PRACTICUM", Set.of("FINANCIAL_LITERACY"), LocalDateTime.of(2025, 6, 20, 10, 0),
				LocalDateTime.of(2025, 6, 20, 14, 0), BigDecimal.valueOf(4), VenueKind.COMMITTEE_PREMISES, 12L, null,
				null, null, Set.of(), null, null, EventStatus.HELD, Map.of("AUDIT_COMMISSION", 10)));
		surveys.openNow(methodologist, eventId, SurveyKind.POST_EVENT);
	}

	private void answer(String usefulness, String willApply, String... topics) throws Exception {
		String token = surveys.one(methodologist, eventId, SurveyKind.POST_EVENT).token();
		mvc.perform(post("/s/" + token).with(csrf())
			.with(kz.oqytu.surveys.domain.SignedForms.form(context, surveys.one(methodologist, eventId, SurveyKind.POST_EVENT).id(), UUID.randomUUID()))
			.header("User-Agent", UUID.randomUUID().toString())
			.param("q_usefulness", usefulness)
			.param("q_applicability", "4")
			.param("q_will_apply", willApply)
			.param("q_next_topics", topics)
			.param("q_category", "AUDIT_COMMISSION")
			.param("q_comments", "Пікір " + usefulness))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void eventResultsAverageAndCountTheAnswers() throws Exception {
		answer("5", "YES", "LEGAL_LITERACY");
		answer("4", "PARTLY", "LEGAL_LITERACY", "NEGOTIATIONS");
		answer("3", "YES", "NEGOTIATIONS");
		answer("5", "YES", "FINANCIAL_LITERACY");
		answer("3", "NO", "NEGOTIATIONS");
		KindResults post = results.forEvent(methodologist, eventId).postEvent();
		assertThat(post.responses()).isEqualTo(5);
		assertThat(post.published()).isEqualTo(5);
		assertThat(post.attendance()).isEqualTo(10);
		assertThat(post.rate().value()).isEqualByComparingTo("50.0");
		assertThat(post.overAttendance()).isFalse();
		QuestionResult usefulness = post.question("usefulness").orElseThrow();
		assertThat(usefulness.average()).isEqualByComparingTo("4.0");
		assertThat(usefulness.options()).extracting(OptionCount::count).containsExactly(0L, 0L, 2L, 1L, 2L);
		assertThat(post.optionCount("will_apply", "YES")).isEqualTo(3);
		assertThat(post.optionCount("next_topics", "LEGAL_LITERACY")).isEqualTo(2);
		// in alphabetical order, never by time
		assertThat(post.question("comments").orElseThrow().texts())
			.containsExactly("Пікір 3", "Пікір 3", "Пікір 4", "Пікір 5", "Пікір 5");
		String html = mvc.perform(get("/events/" + eventId + "/survey/results").param("lang", "ru")
			.with(users.as("executive"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("в среднем 4,0").contains("Ответов: 5");
	}

	@Test
	void followUpAnswersStandBesideThePostEventOnes() throws Exception {
		for (int i = 0; i < 5; i++) {
			answer("5", "YES");
		}
		surveys.recordResponses(methodologist, eventId, SurveyKind.FOLLOW_UP, List.of(
				Map.of("q_applied", List.of("PARTLY"), "q_applicability", List.of("3")),
				Map.of("q_applied", List.of("NO"), "q_applicability", List.of("2"), "q_obstacles", List.of("NO_TIME")),
				Map.of("q_applied", List.of("YES"), "q_applicability", List.of("4")),
				Map.of("q_applied", List.of("YES"), "q_applicability", List.of("4")),
				Map.of("q_applied", List.of("NO"), "q_applicability", List.of("2"), "q_obstacles", List.of("NO_SUPPORT"))));
		EventResults both = results.forEvent(methodologist, eventId);
		assertThat(both.postEvent().optionCount("will_apply", "YES")).isEqualTo(5);
		assertThat(both.followUp().responses()).isEqualTo(5);
		assertThat(both.followUp().optionCount("applied", "PARTLY")).isEqualTo(1);
		assertThat(both.followUp().optionCount("applied", "YES")).isEqualTo(2);
		assertThat(both.followUp().question("applicability").orElseThrow().average()).isEqualByComparingTo("3.0");
		// two answered the question on obstacles: fewer than five, so nothing of it is shown
		QuestionResult obstacles = both.followUp().question("obstacles").orElseThrow();
		assertThat(obstacles.suppressed()).isTrue();
		assertThat(both.followUp().optionCount("obstacles", "NO_TIME")).isZero();
	}

	@Test
	void paperResponsesAreAllOrNothing() {
		assertThatThrownBy(() -> surveys.recordResponses(methodologist, eventId, SurveyKind.POST_EVENT, List.of(
				Map.of("q_usefulness", List.of("5"), "q_applicability", List.of("5"), "q_will_apply", List.of("YES")),
				Map.of("q_usefulness", List.of("7"), "q_applicability", List.of("5"), "q_will_apply", List.of("YES")))))
			.isInstanceOf(BusinessRuleException.class);
		assertThat(results.forEvent(methodologist, eventId).postEvent().responses()).isZero();
		assertThatThrownBy(() -> surveys.recordResponses(users.current("executive"), eventId, SurveyKind.POST_EVENT,
				List.of())).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
	}

	@Test
	void theWorkbookHoldsTheSummaryAndThePublishedRowsOfRatingsAndChoices() throws Exception {
		answer("5", "YES", "LEGAL_LITERACY");
		answer("2", "NO");
		answer("4", "YES");
		answer("4", "PARTLY");
		String token = surveys.one(methodologist, eventId, SurveyKind.POST_EVENT).token();
		mvc.perform(post("/s/" + token).with(csrf())
			.with(kz.oqytu.surveys.domain.SignedForms.form(context, surveys.one(methodologist, eventId, SurveyKind.POST_EVENT).id(), UUID.randomUUID()))
			.param("q_usefulness", "3").param("q_applicability", "3").param("q_will_apply", "YES")
			.param("q_comments", "=cmd|' /C calc'!A0"))
			.andExpect(status().is3xxRedirection());
		// a sixth answer waits for its group of five: in neither sheet
		answer("1", "NO");
		byte[] xlsx = mvc.perform(get("/events/" + eventId + "/survey/results.xlsx").with(users.as("methodologist")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet raw = workbook.getSheet("Жауаптар (іс-шарадан кейін)");
			assertThat(raw).isNotNull();
			assertThat(raw.getLastRowNum()).as("the five published responses").isEqualTo(5);
			List<String> headers = new ArrayList<>();
			raw.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
			// the questions by their text in the reader's language, never by code
			assertThat(headers).contains("Іс-шара сізге қаншалықты пайдалы болды?", "Алған білімді жұмыста қолданасыз ба?")
				.doesNotContain("usefulness", "will_apply")
				.as("free text and the participant category would tie a row to a person")
				.doesNotContain("Ұсыныстарыңыз бен пікірлеріңіз", "Сіздің санатыңыз", "comments", "category");
			int usefulness = headers.indexOf("Іс-шара сізге қаншалықты пайдалы болды?");
			List<Integer> ratings = new ArrayList<>();
			for (int r = 1; r <= raw.getLastRowNum(); r++) {
				ratings.add((int) raw.getRow(r).getCell(usefulness).getNumericCellValue());
			}
			assertThat(ratings).containsExactlyInAnyOrder(5, 2, 4, 4, 3);
			Sheet summary = workbook.getSheet("Қорытынды (іс-шарадан кейін)");
			assertThat(summary).isNotNull();
			boolean formulaKeptAsText = false;
			for (var row : summary) {
				for (var cell : row) {
					if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
							&& cell.getStringCellValue().startsWith("=cmd")) {
						assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
						formulaKeptAsText = true;
					}
				}
			}
			assertThat(formulaKeptAsText).isTrue();
		}
	}

	@Test
	void fewerThanFiveAnswersShowNoCountsNoAverageAndNoTextOnThePageOrInTheWorkbook() throws Exception {
		answer("5", "YES", "LEGAL_LITERACY");
		answer("1", "NO");
		KindResults post = results.forEvent(methodologist, eventId).postEvent();
		assertThat(post.responses()).isEqualTo(2);
		assertThat(post.suppressed()).isTrue();
		assertThat(post.questions()).allSatisfy(q -> {
			assertThat(q.suppressed()).isTrue();
			assertThat(q.options()).isEmpty();
			assertThat(q.texts()).isEmpty();
			assertThat(q.average()).isNull();
		});
		String html = mvc.perform(get("/events/" + eventId + "/survey/results").param("lang", "ru")
			.with(users.as("methodologist"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("Ответов меньше 5").doesNotContain("Пікір 5").doesNotContain("Пікір 1")
			.doesNotContain("в среднем").doesNotContain("bar-fill");
		byte[] xlsx = mvc.perform(get("/events/" + eventId + "/survey/results.xlsx").with(users.as("methodologist")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(workbook.getSheet("Жауаптар (іс-шарадан кейін)").getLastRowNum()).as("no raw rows").isZero();
			List<String> cells = new ArrayList<>();
			workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> cells.add(cell.toString()))));
			assertThat(cells).noneMatch(c -> c.startsWith("Пікір")).doesNotContain("YES", "NO", "LEGAL_LITERACY");
		}
	}

	@Test
	void answersAddedOneByOneNeverShowOneAnswerByDifference() throws Exception {
		// Each answer rates usefulness differently from the one before, so any change of the published
		// figures by a single answer would show that answer's rating.
		String[] ratings = { "4", "5", "3", "4", "2", "1", "5", "1", "3", "2", "4", "5", "1", "2" };
		KindResults before = results.forEvent(methodologist, eventId).postEvent();
		for (int n = 1; n <= ratings.length; n++) {
			answer(ratings[n - 1], n % 2 == 0 ? "YES" : "NO");
			KindResults after = results.forEvent(methodologist, eventId).postEvent();
			assertThat(after.responses()).isEqualTo(n);
			long added = after.published() - before.published();
			assertThat(added).as("published after " + n + " answers").isEqualTo(n % 5 == 0 ? 5 : 0);
			long[] difference = new long[5];
			long differenceTotal = 0;
			for (int v = 0; v < 5; v++) {
				difference[v] = count(after, "usefulness", v) - count(before, "usefulness", v);
				differenceTotal += difference[v];
			}
			assertThat(differenceTotal).as("answers between two versions of the page, after " + n)
				.isIn(0L, 5L);
			if (added == 0) {
				assertThat(after.question("usefulness").orElseThrow()).isEqualTo(before.question("usefulness").orElseThrow());
				assertThat(after.optionCount("will_apply", "YES")).isEqualTo(before.optionCount("will_apply", "YES"));
				assertThat(after.question("comments").orElseThrow().texts())
					.isEqualTo(before.question("comments").orElseThrow().texts());
			}
			before = after;
		}
		assertThat(before.published()).isEqualTo(10);
		assertThat(before.waiting()).isEqualTo(4);
		String html = mvc.perform(get("/events/" + eventId + "/survey/results").param("lang", "en")
			.with(users.as("methodologist"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("Responses: 14").contains("Results of the first 10 answers. The other 4 are added when 1 more have come");
	}

	private static long count(KindResults results, String question, int index) {
		return results.question(question).filter(q -> !q.suppressed()).map(q -> q.options().get(index).count()).orElse(0L);
	}

	@Test
	void aResponseRateAboveTheRecordedAttendanceCarriesAWarningWithItsReason() throws Exception {
		for (int i = 0; i < 12; i++) {
			answer("4", "YES");
		}
		KindResults post = results.forEvent(methodologist, eventId).postEvent();
		assertThat(post.overAttendance()).isTrue();
		for (String path : List.of("/events/" + eventId + "/survey/results", "/events/" + eventId + "/survey")) {
			String html = mvc.perform(get(path).param("lang", "en").with(users.as("methodologist")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(html).as(path).contains("More answers than attendees recorded (12 answers, 10 attended): 120.0%")
				.doesNotContain("(120.0% of 10 participants)");
		}
	}

	@Test
	void overviewComparesShortAndLongerFormatsAndHidesSmallOrganizations() {
		ResultsOverview overview = results.overview(methodologist, 2025, null, null, null);
		assertThat(overview.total().responses()).isGreaterThan(1000);
		assertThat(overview.shortFormats().responses()).isPositive();
		assertThat(overview.longerFormats().responses()).isPositive();
		assertThat(overview.shortFormats().usefulness()).isNotNull();
		assertThat(overview.byOrganization()).allSatisfy(line -> assertThat(line.responses()).isGreaterThanOrEqualTo(5));
		assertThat(overview.hiddenOrganizations()).isPositive();
		ResultsOverview oneDistrict = results.overview(methodologist, 2025, null, null, 3L);
		assertThat(oneDistrict.total().responses()).isLessThan(overview.total().responses());
		assertThat(oneDistrict.byDistrict()).extracting(ScoreLine::key).containsOnly("3");
	}

	@Test
	void topicWishesAddUpToTheDemand() throws Exception {
		long before = demandFor("NEGOTIATIONS");
		answer("5", "YES", "NEGOTIATIONS", "LEGAL_LITERACY");
		answer("4", "YES", "NEGOTIATIONS");
		assertThat(demandFor("NEGOTIATIONS")).isEqualTo(before + 2);
		DemandLine line = results.demand(methodologist, 2025).stream()
			.filter(l -> l.topicCode().equals("NEGOTIATIONS")).findFirst().orElseThrow();
		assertThat(line.byCategory().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(line.wishes());
		assertThat(line.district(12L)).isGreaterThanOrEqualTo(2);
	}

	private long demandFor(String topic) {
		return results.demand(methodologist, 2025).stream().filter(l -> l.topicCode().equals(topic))
			.mapToLong(DemandLine::wishes).sum();
	}

	@Test
	void resultPagesRenderAndAreForStaffOnly() throws Exception {
		for (String path : List.of("/surveys/results?year=2025", "/surveys/results?year=2025&form=SEMINAR_MEETING",
				"/surveys/demand?year=2025", "/events/" + eventId + "/survey/results")) {
			for (String lang : List.of("kk", "ru", "en")) {
				mvc.perform(get(path).param("lang", lang).with(users.as("executive"))).andExpect(status().isOk());
			}
			mvc.perform(get(path).with(users.as("chair"))).andExpect(status().isForbidden());
		}
	}
}
