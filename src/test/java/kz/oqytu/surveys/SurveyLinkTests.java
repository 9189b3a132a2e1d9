package kz.oqytu.surveys;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.surveys.domain.SignedForms;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.SettableClock;
import kz.oqytu.testsupport.Users;
import kz.oqytu.training.TrainingEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #19, items 2 and 3 (decision 29): one link per event that leads to whichever survey is open,
 * the follow-up reminder, and the survey's edge cases. The application's clock stands still here and
 * is moved by hand through a seminar of 2031 (outside every pinned figure).
 */
@OqytuIntegrationTest
class SurveyLinkTests {

	@TestConfiguration(proxyBeanMethods = false)
	static class StillClock {

		@Bean
		@Primary
		SettableClock settableClock(@Qualifier("clock") Clock clock) {
			return new SettableClock(clock.instant().truncatedTo(ChronoUnit.SECONDS), clock.getZone());
		}
	}

	private static final LocalDateTime STARTS = LocalDateTime.of(2031, 3, 10, 10, 0);

	@Autowired
	SettableClock clock;

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

	@Autowired
	ApplicationContext context;

	private long eventId;

	private EventSurveyView post;

	private EventSurveyView followUp;

	@BeforeEach
	void aSeminarOf2031() {
		clock.set(STARTS.minusDays(20));
		CurrentUser methodologist = users.current("methodologist");
		eventId = events.create(methodologist, new kz.oqytu.training.EventCommand("Бір сілтеме сынағы", "Проверка одной ссылки",
				"THEMATIC_SEMINAR", java.util.Set.of("LABOUR_LAW"), STARTS, STARTS.plusHours(3),
				java.math.BigDecimal.valueOf(3), kz.oqytu.training.VenueKind.REGIONAL_OFFICE, null, null, null, null,
				java.util.Set.of(), null, null, kz.oqytu.training.EventStatus.PLANNED, java.util.Map.of()));
		post = surveys.one(methodologist, eventId, SurveyKind.POST_EVENT);
		followUp = surveys.one(methodologist, eventId, SurveyKind.FOLLOW_UP);
	}

	private String link() {
		return "/s/" + post.token();
	}

	private MockHttpServletRequestBuilder answer(String path, long surveyId, UUID device) {
		return post(path).with(csrf())
			.with(SignedForms.form(context, surveyId, device))
			.param("q_usefulness", "5")
			.param("q_applicability", "4")
			.param("q_will_apply", "YES")
			.param("q_category", "ACTIVIST")
			.param("q_comments", "Менің пікірім");
	}

	private long responses(long surveyId) {
		return jdbc.sql("select count(*) from survey_response where event_survey_id = :s").param("s", surveyId)
			.query(Long.class).single();
	}

	@Test
	void oneLinkLeadsToThePostEventSurveyThenTheFollowUpThenSaysWhenTheNextOpens() throws Exception {
		assertThat(post.closesAt()).isEqualTo(STARTS.plusHours(3).plusDays(7));
		assertThat(followUp.opensAt()).isEqualTo(LocalDateTime.of(2031, 5, 9, 0, 0));
		// before the seminar: when the survey opens
		mvc.perform(get(link()).param("lang", "ru")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Анкета откроется 10.03.2031")))
			.andExpect(content().string(not(containsString("<form method=\"post\""))));
		// during the week after it: the post-event form, sent to the post-event survey
		clock.set(STARTS.plusDays(1));
		mvc.perform(get(link()).param("lang", "ru")).andExpect(status().isOk())
			.andExpect(content().string(containsString("action=\"/s/" + post.token() + "\"")))
			.andExpect(content().string(containsString("Насколько полезным")));
		// between the two: the follow-up's day
		clock.set(STARTS.plusDays(20));
		mvc.perform(get(link()).param("lang", "ru")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Анкета о применении полученных знаний откроется 09.05.2031")));
		// the follow-up is open: the same link shows it, and posts to it
		clock.set(LocalDateTime.of(2031, 5, 10, 9, 0));
		String followUpForm = mvc.perform(get(link()).param("lang", "ru")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(followUpForm).contains("action=\"/s/" + followUp.token() + "\"").doesNotContain("Насколько полезным");
		// the follow-up's own old link keeps working
		mvc.perform(get("/s/" + followUp.token())).andExpect(status().isOk())
			.andExpect(content().string(containsString("action=\"/s/" + followUp.token() + "\"")));
		// after both: closed
		clock.set(LocalDateTime.of(2031, 7, 1, 9, 0));
		mvc.perform(get(link()).param("lang", "ru")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Анкета закрыта.")));
	}

	@Test
	void theThankYouPageSaysWhenTheFollowUpOpensAndItsReminderIsAValidCalendarFile() throws Exception {
		clock.set(STARTS.plusDays(1));
		mvc.perform(answer(link(), post.id(), UUID.randomUUID())).andExpect(redirectedUrl(link() + "/thanks"));
		mvc.perform(get(link() + "/thanks").param("lang", "ru")).andExpect(status().isOk())
			.andExpect(content().string(containsString("откроется 09.05.2031")))
			.andExpect(content().string(containsString("href=\"/s/" + post.token() + "/follow-up.ics\"")));
		MvcResult ics = mvc.perform(get(link() + "/follow-up.ics").param("lang", "ru"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/calendar")))
			.andExpect(header().string("Content-Disposition", containsString("oqytu-follow-up-2031-05-09.ics")))
			.andReturn();
		byte[] bytes = ics.getResponse().getContentAsByteArray();
		List<String> lines = unfold(bytes);
		assertThat(lines.get(0)).isEqualTo("BEGIN:VCALENDAR");
		assertThat(lines.get(lines.size() - 1)).isEqualTo("END:VCALENDAR");
		assertThat(lines).contains("VERSION:2.0", "BEGIN:VEVENT", "END:VEVENT", "DTSTART;VALUE=DATE:20310509",
				"DTEND;VALUE=DATE:20310510", "URL:http://localhost:8080" + link());
		assertThat(lines).anyMatch(l -> l.matches("UID:oqytu-follow-up-" + followUp.id() + "@localhost"));
		assertThat(lines).anyMatch(l -> l.matches("DTSTAMP:\\d{8}T\\d{6}Z"));
		assertThat(lines).contains("SUMMARY:Анкета: Проверка одной ссылки");
		// the description's comma and line break are escaped, and unescaped it holds the link
		String description = lines.stream().filter(l -> l.startsWith("DESCRIPTION:") && l.contains("http")).findFirst()
			.orElseThrow();
		assertThat(description).contains("\\nhttp://localhost:8080" + link()).contains("\\,");
		// once the follow-up has opened there is nothing to remind of
		clock.set(LocalDateTime.of(2031, 5, 10, 9, 0));
		mvc.perform(get(link() + "/follow-up.ics")).andExpect(status().isNotFound());
	}

	/**
	 * Reads an iCalendar file by RFC 5545's line rules, strictly: every line ends in CRLF, no physical
	 * line is longer than 75 octets, a folded line continues with one space; returns the logical lines.
	 */
	static List<String> unfold(byte[] bytes) {
		String text = new String(bytes, StandardCharsets.UTF_8);
		assertThat(text).endsWith("\r\n");
		assertThat(text.replace("\r\n", "")).as("no bare CR or LF").doesNotContain("\n").doesNotContain("\r");
		List<String> logical = new ArrayList<>();
		for (String physical : text.substring(0, text.length() - 2).split("\r\n", -1)) {
			assertThat(physical.getBytes(StandardCharsets.UTF_8).length).as(physical).isLessThanOrEqualTo(75);
			if (physical.startsWith(" ")) {
				assertThat(logical).isNotEmpty();
				logical.set(logical.size() - 1, logical.get(logical.size() - 1) + physical.substring(1));
			}
			else {
				assertThat(physical).matches("[A-Z-]+(;[A-Z-]+=[^:;]+)*:.*");
				logical.add(physical);
			}
		}
		return logical;
	}

	@Test
	void openingTheLinkAgainAfterAnsweringSaysAlreadyAnswered() throws Exception {
		clock.set(STARTS.plusDays(1));
		UUID device = UUID.randomUUID();
		mvc.perform(answer(link(), post.id(), device)).andExpect(redirectedUrl(link() + "/thanks"));
		mvc.perform(get(link()).param("lang", "ru").cookie(new Cookie("OQYTU_DEVICE", SignedForms.deviceCookie(context, device))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Вы уже ответили")))
			.andExpect(content().string(containsString("откроется 09.05.2031")))
			.andExpect(content().string(not(containsString("<form method=\"post\""))));
		// another phone still gets the form
		mvc.perform(get(link()).cookie(new Cookie("OQYTU_DEVICE", SignedForms.deviceCookie(context, UUID.randomUUID()))))
			.andExpect(content().string(containsString("<form method=\"post\"")));
	}

	@Test
	void anAnswerSentAfterTheSurveyClosedKeepsTheTextOnThePageAndIsStoredLateAndNotCounted() throws Exception {
		clock.set(STARTS.plusDays(7));
		MockHttpServletRequestBuilder typing = answer(link(), post.id(), UUID.randomUUID()).param("lang", "ru");
		clock.set(post.closesAt().plusMinutes(10));
		mvc.perform(typing).andExpect(status().isOk())
			.andExpect(header().string("X-Survey-Outcome", "late"))
			.andExpect(content().string(containsString("Анкета закрылась 17.03.2031 13:00")))
			.andExpect(content().string(containsString(">Менің пікірім</textarea>")))
			.andExpect(content().string(not(containsString("type=\"submit\""))));
		assertThat(jdbc.sql("select flag_reasons from survey_response where event_survey_id = :s").param("s", post.id())
			.query(Integer.class).single() & FlagReason.LATE.bit()).isNotZero();
		EventResults counted = results.forEvent(users.current("methodologist"), eventId);
		assertThat(counted.postEvent().responses()).isZero();
		assertThat(counted.postEvent().flagged()).isEqualTo(1);
		// a form opened after the closing time is not a late answer: nothing is stored
		mvc.perform(answer(link(), post.id(), UUID.randomUUID()).param("lang", "ru"))
			.andExpect(header().string("X-Survey-Outcome", "not-open"))
			.andExpect(content().string(containsString("не принят")))
			.andExpect(content().string(containsString("Менің пікірім")));
		assertThat(responses(post.id())).isEqualTo(1);
	}

	@Test
	void anUnknownOptionalOrganizationNeverBlocksTheAnswer() throws Exception {
		clock.set(STARTS.plusDays(1));
		mvc.perform(answer(link(), post.id(), UUID.randomUUID()).param("q_organization", "Нет такой школы"))
			.andExpect(redirectedUrl(link() + "/thanks"));
		assertThat(jdbc.sql("select count(*) from survey_response where event_survey_id = :s and organization_id is null")
			.param("s", post.id()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void errorsAreSummedUpAtTheTopWithLinksToTheirQuestions() throws Exception {
		clock.set(STARTS.plusDays(1));
		String html = mvc.perform(post(link()).with(csrf()).with(SignedForms.form(context, post.id(), UUID.randomUUID()))
			.param("lang", "ru").param("q_usefulness", "5").param("q_comments", "оставлю"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		int summary = html.indexOf("id=\"errors-summary\"");
		assertThat(summary).isPositive().isLessThan(html.indexOf("<form"));
		String top = html.substring(summary, html.indexOf("<form"));
		assertThat(top).contains("href=\"#question-applicability\"").contains("href=\"#question-will_apply\"")
			.contains("Ответьте, пожалуйста.").doesNotContain("#question-usefulness");
		assertThat(html).contains("id=\"question-applicability\"").contains("оставлю");
	}

	@Test
	void anUnknownLinkIsTheSurveysOwn404InThePhonesLanguage() throws Exception {
		mvc.perform(get("/s/AAAAAAAAAAAAAAAAAAAAAA").header("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.8"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Анкета не найдена")))
			.andExpect(content().string(containsString("/css/public")))
			.andExpect(content().string(not(containsString("bootstrap"))));
		mvc.perform(get("/s/not-a-token")).andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Сауалнама табылмады")));
		mvc.perform(post("/s/AAAAAAAAAAAAAAAAAAAAAA").with(csrf()).header("Accept-Language", "ru"))
			.andExpect(status().isNotFound()).andExpect(content().string(containsString("Анкета не найдена")));
	}

	@Test
	void aPhoneInRussianOpensTheSurveyInRussianAndTheSwitchKeepsTheLink() throws Exception {
		clock.set(STARTS.plusDays(1));
		mvc.perform(get(link()).header("Accept-Language", "ru-RU,ru;q=0.9"))
			.andExpect(content().string(containsString("Насколько полезным")))
			.andExpect(content().string(containsString("href=\"" + link() + "?lang=kk\"")))
			.andExpect(content().string(containsString("href=\"" + link() + "?lang=ru\"")));
		mvc.perform(get(link()).header("Accept-Language", "en-US,kk;q=0.8,ru;q=0.5"))
			.andExpect(content().string(not(containsString("Насколько полезным"))));
		// a chosen language wins over the phone's
		mvc.perform(get(link()).header("Accept-Language", "ru").param("lang", "kk"))
			.andExpect(content().string(not(containsString("Насколько полезным"))));
		// staff pages keep Kazakh by default whatever the browser says
		mvc.perform(get("/login").header("Accept-Language", "ru"))
			.andExpect(content().string(not(containsString("Войти"))));
	}

	@Test
	void anAnswerSentTwiceWithItsKeyIsStoredOnce() throws Exception {
		clock.set(STARTS.plusDays(1));
		UUID device = UUID.randomUUID();
		String key = UUID.randomUUID().toString();
		String form = SignedForms.formToken(context, post.id(), device, Instant.now(clock).minus(Duration.ofMinutes(2)));
		String cookie = SignedForms.deviceCookie(context, device);
		for (int i = 0; i < 2; i++) {
			var result = mvc.perform(post(link()).with(csrf()).with(SignedForms.form(cookie, form)).param("_key", key)
				.param("lang", "ru").param("q_usefulness", "4").param("q_applicability", "4").param("q_will_apply", "YES"))
				.andReturn().getResponse();
			if (i == 0) {
				assertThat(result.getRedirectedUrl()).isEqualTo(link() + "/thanks");
			}
			else {
				assertThat(result.getHeader("X-Survey-Outcome")).isEqualTo("stored-before");
				assertThat(result.getContentAsString()).contains("Этот ответ уже был получен");
			}
		}
		assertThat(jdbc.sql("select count(*) from survey_response where submission_key = cast(:k as uuid)").param("k", key)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(responses(post.id())).isEqualTo(1);
	}

	@Test
	void openNowGivesTheFollowUpItsConfiguredWindow() throws Exception {
		clock.set(STARTS.plusDays(20));
		CurrentUser methodologist = users.current("methodologist");
		surveys.closeNow(methodologist, eventId, SurveyKind.FOLLOW_UP);
		surveys.openNow(methodologist, eventId, SurveyKind.FOLLOW_UP);
		EventSurveyView opened = surveys.one(methodologist, eventId, SurveyKind.FOLLOW_UP);
		assertThat(Duration.between(opened.opensAt(), opened.closesAt())).isEqualTo(Duration.ofDays(30));
		surveys.closeNow(methodologist, eventId, SurveyKind.POST_EVENT);
		surveys.openNow(methodologist, eventId, SurveyKind.POST_EVENT);
		EventSurveyView reopened = surveys.one(methodologist, eventId, SurveyKind.POST_EVENT);
		assertThat(Duration.between(reopened.opensAt(), reopened.closesAt())).isEqualTo(Duration.ofDays(7));
	}

	@Test
	void theServiceWorkerIsServedFromUnderTheSurvey() throws Exception {
		mvc.perform(get("/s/sw.js")).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("javascript")))
			.andExpect(header().string("Cache-Control", containsString("no-cache")))
			.andExpect(content().string(containsString("addEventListener('fetch'")));
	}
}
