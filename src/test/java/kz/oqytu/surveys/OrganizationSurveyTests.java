package kz.oqytu.surveys;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.OrganizationCriteria;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.training.EventCriteria;
import kz.oqytu.training.TrainingEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An organization's survey page: its interviews, and the survey results of respondents who named
 * it, hidden below the anonymity threshold. The demo chair's school is the organization; all roll back.
 */
@OqytuIntegrationTest
@Transactional
class OrganizationSurveyTests {

	static final String CHAIR_SCHOOL = "Ақтөбе қаласы, №1 мектеп-гимназия";

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Surveys surveys;

	@Autowired
	TrainingEvents events;

	@Autowired
	Organizations organizations;

	@Autowired
	Interviews interviews;

	@Autowired
	OrganizationSurveys results;

	@Autowired
	JdbcClient jdbc;

	private long school;

	private EventSurveyView survey;

	private long eventId;

	@BeforeEach
	void openASurvey() {
		CurrentUser methodologist = users.current("methodologist");
		school = organizations.nameIndex(methodologist).get(Organizations.nameKey(CHAIR_SCHOOL));
		eventId = events.search(methodologist, new EventCriteria(2025, null, null, null, null, null, null, null,
				null, false, 0, 64)).getContent().get(62).id();
		surveys.openNow(methodologist, eventId, SurveyKind.POST_EVENT);
		survey = surveys.one(methodologist, eventId, SurveyKind.POST_EVENT);
		// The demo's responses that named the school are set aside inside this (rolled-back) test.
		jdbc.sql("delete from survey_answer where response_id in (select id from survey_response where organization_id = :o)")
			.param("o", school).update();
		jdbc.sql("delete from survey_response where organization_id = :o").param("o", school).update();
		assertThat(jdbc.sql("select count(*) from survey_response where organization_id = :o").param("o", school)
			.query(Long.class).single()).as("responses naming the school before the test").isZero();
	}

	private void respond(int usefulness, int applicability) throws Exception {
		mvc.perform(post("/s/" + survey.token()).with(csrf())
			.with(kz.oqytu.surveys.domain.SignedForms.form(context, survey.id(), UUID.randomUUID()))
			.param("q_usefulness", Integer.toString(usefulness))
			.param("q_applicability", Integer.toString(applicability))
			.param("q_will_apply", "YES")
			.param("q_organization", CHAIR_SCHOOL)).andExpect(redirectedUrl("/s/" + survey.token() + "/thanks"));
	}

	private String page(String user) throws Exception {
		return mvc.perform(get("/surveys/organizations/" + school).with(users.as(user)).param("lang", "ru"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void resultsStayHiddenBelowTheThresholdAndShowFromFiveResponses() throws Exception {
		respond(5, 4);
		respond(4, 4);
		respond(5, 4);
		respond(4, 4);
		String four = page("methodologist");
		assertThat(four).contains("Ответов, назвавших эту организацию: 4").contains("id=\"results-hidden\"")
			.contains("результаты показываются только начиная с 5 ответов").doesNotContain("id=\"averages\"");

		respond(5, 4);
		String five = page("methodologist");
		assertThat(five).contains("Ответов, назвавших эту организацию: 5").doesNotContain("id=\"results-hidden\"")
			.contains("id=\"averages\"");
		assertThat(row(five, "usefulness")).contains("Насколько полезным для вас было мероприятие?").contains("4,6");
		assertThat(row(five, "applicability")).contains("4,0");
		// Nobody rated the trainers: the question is not listed at all.
		assertThat(five).doesNotContain("data-code=\"trainer\"");
		OrganizationSurvey result = results.forOrganization(users.current("chair"), school);
		assertThat(result.averages()).extracting(OrganizationSurvey.RatingAverage::code)
			.containsExactly("usefulness", "applicability");
	}

	@Test
	void answersAddedAfterTheThresholdNeverShowOneAnswerByDifference() throws Exception {
		for (int i = 0; i < 5; i++) {
			respond(4, 4);
		}
		OrganizationSurvey five = results.forOrganization(users.current("methodologist"), school);
		var monitoring = results.scoresByOrganization(users.current("methodologist"), 2025).get(school);
		assertThat(five.averages()).extracting(OrganizationSurvey.RatingAverage::average)
			.allSatisfy(a -> assertThat(a).isEqualByComparingTo("4.0"));
		assertThat(monitoring.usefulness()).isEqualByComparingTo("4.0");
		// one to four more, each rating 1: the published averages stay what they were
		for (int more = 1; more <= 4; more++) {
			respond(1, 1);
			OrganizationSurvey now = results.forOrganization(users.current("methodologist"), school);
			assertThat(now.responses()).isEqualTo(5 + more);
			assertThat(now.averages()).as("after " + more + " more").isEqualTo(five.averages());
			var whole = results.scoresByOrganization(users.current("methodologist"), 2025).get(school);
			assertThat(whole.usefulness()).isEqualByComparingTo("4.0");
			assertThat(whole.responses()).isEqualTo(5 + more);
			// a page's organizations (found through the responses) and the whole scope (the workbook, read from
			// the score rows at once) give the same figures
			assertThat(results.scoresByOrganization(users.current("methodologist"), 2025, java.util.List.of(school))
				.get(school)).isEqualTo(whole);
			assertThat(page("methodologist")).contains("4,0").doesNotContain("3,5").doesNotContain("3,0");
		}
		// the fifth more completes a group: the change is five answers' worth (4,0 → 2,5), never one
		respond(1, 1);
		OrganizationSurvey ten = results.forOrganization(users.current("methodologist"), school);
		assertThat(ten.averages()).extracting(OrganizationSurvey.RatingAverage::average)
			.allSatisfy(a -> assertThat(a).isEqualByComparingTo("2.5"));
	}

	@Test
	void practicalUseIsTheFollowUpsApplicabilityInWholeGroupsOnBothWays() {
		CurrentUser methodologist = users.current("methodologist");
		surveys.openNow(methodologist, eventId, SurveyKind.FOLLOW_UP);
		EventSurveyView followUp = surveys.one(methodologist, eventId, SurveyKind.FOLLOW_UP);
		long version = jdbc.sql("""
				select v.id from event_survey s join questionnaire_version v on v.questionnaire_id = s.questionnaire_id
				where s.id = :s and v.current""").param("s", followUp.id()).query(Long.class).single();
		long question = jdbc.sql("select id from question where version_id = :v and code = 'applicability'")
			.param("v", version).query(Long.class).single();
		// the first five count (5, 5, 4, 4, 2: 4.0); the sixth and seventh wait for a whole group; a flagged one never counts
		int[] ratings = { 5, 5, 4, 4, 2, 1, 1 };
		for (int i = 0; i <= ratings.length; i++) {
			boolean flagged = i == ratings.length;
			long response = jdbc.sql("""
					insert into survey_response (id, event_survey_id, version_id, device_id, fingerprint, flagged,
					                             flag_reasons, organization_id)
					values (nextval('survey_seq'), :s, :v, :d, 'test', :flagged, :reasons, :o) returning id
					""").param("s", followUp.id()).param("v", version).param("d", UUID.randomUUID())
				.param("flagged", flagged).param("reasons", flagged ? 4 : 0).param("o", school).query(Long.class).single();
			jdbc.sql("insert into survey_answer (response_id, question_id, rating) values (:r, :q, :rating)")
				.param("r", response).param("q", question).param("rating", flagged ? 1 : ratings[i]).update();
		}
		var whole = results.scoresByOrganization(methodologist, 2025).get(school);
		assertThat(whole.responses()).isEqualTo(7);
		assertThat(whole.practicalUse()).isEqualByComparingTo("4.0");
		assertThat(whole.usefulness()).isNull();
		assertThat(results.scoresByOrganization(methodologist, 2025, java.util.List.of(school)).get(school))
			.isEqualTo(whole);
	}

	@Test
	void aQuestionAnsweredByTooFewShowsNoAverage() throws Exception {
		for (int i = 0; i < 4; i++) {
			respond(5, 5);
		}
		// the fifth answer, so that it is among the published ones (whole groups of five)
		mvc.perform(post("/s/" + survey.token()).with(csrf())
			.with(kz.oqytu.surveys.domain.SignedForms.form(context, survey.id(), UUID.randomUUID()))
			.param("q_usefulness", "3").param("q_applicability", "3").param("q_will_apply", "NO")
			.param("q_trainer", "1")
			.param("q_organization", CHAIR_SCHOOL)).andExpect(status().is3xxRedirection());
		String html = page("executive");
		assertThat(row(html, "trainer")).contains("мало ответов").doesNotContain("1,0");
	}

	@Test
	void theChairSeesTheirOwnOrganizationAndNoOtherOne() throws Exception {
		interviews.create(users.current("methodologist"), new InterviewCommand(LocalDate.of(2026, 2, 2), school,
				"Сейтқалиева Гүлнар", "БКҰ төрағасы", "Құқықтық сауаттылық бойынша кеңестер ай сайын өтеді.", 5, 4,
				null));
		assertThat(page("chair")).contains("Құқықтық сауаттылық бойынша кеңестер ай сайын өтеді.")
			.contains("id=\"results-hidden\"");
		long other = organizations.search(users.current("methodologist"), new OrganizationCriteria(null, 15L, null, true,
				OrganizationCriteria.Sort.NAME, false, 0, 1)).getContent().get(0).id();
		mvc.perform(get("/surveys/organizations/" + other).with(users.as("chair"))).andExpect(status().isForbidden());
		mvc.perform(get("/surveys/organizations/" + other).with(users.as("executive"))).andExpect(status().isOk());
		mvc.perform(get("/surveys/organizations/4").with(users.as("methodologist"))).andExpect(status().isNotFound());
	}

	@Test
	void theOrganizationPageLinksToItsSurveysForStaffAndItsChair() throws Exception {
		for (String user : new String[] { "chair", "executive" }) {
			String html = mvc.perform(get("/organizations/" + school).with(users.as(user)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(html).contains("href=\"/surveys/organizations/" + school + "\"");
		}
	}

	/** The averages table's row of one question. */
	private static String row(String html, String code) {
		int at = html.indexOf("data-code=\"" + code + "\"");
		assertThat(at).as("row of " + code).isPositive();
		return html.substring(at, html.indexOf("</tr>", at));
	}
}
