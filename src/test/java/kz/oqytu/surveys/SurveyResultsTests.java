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
			.cookie(new Cookie("OQYTU_DEVICE", UUID.randomUUID().toString()))
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
		answer("3", "YES");
		KindResults post = results.forEvent(methodologist, eventId).postEvent();
		assertThat(post.responses()).isEqualTo(3);
		assertThat(post.attendance()).isEqualTo(10);
		assertThat(post.rate().value()).isEqualByComparingTo("30.0");
		QuestionResult usefulness = post.question("usefulness").orElseThrow();
		assertThat(usefulness.average()).isEqualByComparingTo("4.0");
		assertThat(usefulness.options()).extracting(OptionCount::count).containsExactly(0L, 0L, 1L, 1L, 1L);
		assertThat(post.optionCount("will_apply", "YES")).isEqualTo(2);
		assertThat(post.optionCount("next_topics", "LEGAL_LITERACY")).isEqualTo(2);
		assertThat(post.question("comments").orElseThrow().texts()).containsExactlyInAnyOrder("Пікір 5", "Пікір 4", "Пікір 3");
		String html = mvc.perform(get("/events/" + eventId + "/survey/results").param("lang", "ru")
			.with(users.as("executive"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("в среднем 4,0").contains("Ответов: 3");
	}

	@Test
	void followUpAnswersStandBesideThePostEventOnes() throws Exception {
		answer("5", "YES");
		surveys.recordResponses(methodologist, eventId, SurveyKind.FOLLOW_UP, List.of(
				Map.of("q_applied", List.of("PARTLY"), "q_applicability", List.of("3")),
				Map.of("q_applied", List.of("NO"), "q_applicability", List.of("2"), "q_obstacles", List.of("NO_TIME"))));
		EventResults both = results.forEvent(methodologist, eventId);
		assertThat(both.postEvent().optionCount("will_apply", "YES")).isEqualTo(1);
		assertThat(both.followUp().responses()).isEqualTo(2);
		assertThat(both.followUp().optionCount("applied", "PARTLY")).isEqualTo(1);
		assertThat(both.followUp().optionCount("obstacles", "NO_TIME")).isEqualTo(1);
		assertThat(both.followUp().question("applicability").orElseThrow().average()).isEqualByComparingTo("2.5");
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
	void theWorkbookHoldsTheSummaryAndEveryResponse() throws Exception {
		answer("5", "YES", "LEGAL_LITERACY");
		answer("2", "NO");
		String token = surveys.one(methodologist, eventId, SurveyKind.POST_EVENT).token();
		mvc.perform(post("/s/" + token).with(csrf())
			.cookie(new Cookie("OQYTU_DEVICE", UUID.randomUUID().toString()))
			.param("q_usefulness", "3").param("q_applicability", "3").param("q_will_apply", "YES")
			.param("q_comments", "=cmd|' /C calc'!A0"))
			.andExpect(status().is3xxRedirection());
		byte[] xlsx = mvc.perform(get("/events/" + eventId + "/survey/results.xlsx").with(users.as("methodologist")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet raw = workbook.getSheet("Жауаптар (іс-шарадан кейін)");
			assertThat(raw).isNotNull();
			assertThat(raw.getLastRowNum()).isEqualTo(3);
			List<String> headers = new ArrayList<>();
			raw.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
			assertThat(headers).contains("usefulness", "will_apply", "comments");
			int comments = headers.indexOf("comments");
			boolean formulaKeptAsText = false;
			for (int r = 1; r <= raw.getLastRowNum(); r++) {
				var cell = raw.getRow(r).getCell(comments);
				if (cell != null && cell.getStringCellValue().startsWith("=cmd")) {
					assertThat(cell.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
					assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
					formulaKeptAsText = true;
				}
			}
			assertThat(formulaKeptAsText).isTrue();
			assertThat(workbook.getSheet("Қорытынды (іс-шарадан кейін)")).isNotNull();
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
