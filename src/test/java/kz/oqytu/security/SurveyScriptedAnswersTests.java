package kz.oqytu.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.surveys.EventSurveyView;
import kz.oqytu.surveys.FlagReason;
import kz.oqytu.surveys.KindResults;
import kz.oqytu.surveys.SurveyKind;
import kz.oqytu.surveys.SurveyResults;
import kz.oqytu.surveys.Surveys;
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
 * Issue #15, item 4 (ASVS V11.1.2, V11.1.4, V11.1.7): answers a script makes from one address,
 * whatever browser string and languages it claims. The thresholds are set so that the outcome does
 * not hang on this machine's speed: a form counts as sent too fast within 10 minutes (5 s by
 * default; a test waiting on wall time would be flaky on a busy machine), and one address may give
 * 10 answers (1 000 in 10 minutes by default, a hall's worth and more).
 */
@OqytuIntegrationTest
@Transactional
@TestPropertySource(properties = { "oqytu.surveys.address-flag-threshold=10", "oqytu.surveys.min-fill-time=10m" })
class SurveyScriptedAnswersTests {

	private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_form\" value=\"([^\"]+)\"");

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
	ApplicationContext context;

	@Autowired
	Clock clock;

	private CurrentUser methodologist;

	private long eventId;

	private EventSurveyView survey;

	@BeforeEach
	void openASurvey() {
		methodologist = users.current("methodologist");
		eventId = events.create(methodologist, new EventCommand("Бір мекенжай", "Один адрес", "THEMATIC_SEMINAR",
				Set.of("LABOUR_LAW"), LocalDateTime.of(2027, 5, 20, 10, 0), LocalDateTime.of(2027, 5, 20, 13, 0),
				java.math.BigDecimal.valueOf(3), VenueKind.REGIONAL_OFFICE, null, null, null, null, Set.of(), null, null,
				EventStatus.PLANNED, Map.of()));
		surveys.openNow(methodologist, eventId, SurveyKind.POST_EVENT);
		survey = surveys.one(methodologist, eventId, SurveyKind.POST_EVENT);
	}

	private String path() {
		return "/s/" + survey.token();
	}

	@Test
	void oneClientRotatingBrowserAndLanguagesIsFlaggedLeftOutAndIncludedOnlyOnRequest() throws Exception {
		String[] languages = { "kk-KZ", "ru-RU,ru;q=0.9", "en-US", "kk,ru;q=0.8", "ru" };
		for (int i = 0; i < 30; i++) {
			String browser = "Mozilla/5.0 (Rotating " + i + ")";
			String language = languages[i % languages.length];
			// a fresh form each time, as it must be to be stored at all, with a fresh cookie jar
			MvcResult form = mvc.perform(get(path()).header("User-Agent", browser).header("Accept-Language", language))
				.andExpect(status().isOk()).andReturn();
			Matcher token = FORM_TOKEN.matcher(form.getResponse().getContentAsString());
			assertThat(token.find()).isTrue();
			Cookie device = form.getResponse().getCookie("OQYTU_DEVICE");
			mvc.perform(post(path()).with(csrf()).cookie(device).param("_form", token.group(1))
				.header("User-Agent", browser).header("Accept-Language", language)
				.param("q_usefulness", "5").param("q_applicability", "5").param("q_will_apply", "YES")
				.param("q_comments", "Керемет"))
				.andExpect(status().is3xxRedirection());
		}

		KindResults byDefault = results.forEvent(methodologist, eventId).postEvent();
		assertThat(byDefault.flagged()).as("stored and flagged, none refused").isEqualTo(30);
		assertThat(byDefault.responses()).as("counted by default").isZero();
		assertThat(byDefault.flagReasons()).containsEntry(FlagReason.TOO_FAST, 30L)
			.as("the 11th to 30th from one address, whatever browser").containsEntry(FlagReason.ONE_ADDRESS, 20L);
		KindResults included = results.forEvent(methodologist, eventId, true).postEvent();
		assertThat(included.responses()).isEqualTo(30);
		assertThat(included.question("usefulness").orElseThrow().average()).isEqualByComparingTo("5.0");

		String page = mvc.perform(get("/events/" + eventId + "/survey/results").param("lang", "en")
			.with(users.as("methodologist"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Answers flagged as suspicious and left out of the results: 30")
			.contains("sent faster than the form can be read: 30")
			.contains("too many answers from one address in a short time: 20")
			.contains("Include suspicious answers").doesNotContain("Керемет");
		String switched = mvc.perform(get("/events/" + eventId + "/survey/results").param("flagged", "true")
			.param("lang", "ru").with(users.as("methodologist"))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(switched).contains("Ответов: 30").contains("Исключить подозрительные ответы").contains("Керемет")
			.contains("в среднем 5,0");
		String kazakh = mvc.perform(get("/events/" + eventId + "/survey/results").param("lang", "kk")
			.with(users.as("methodologist"))).andReturn().getResponse().getContentAsString();
		assertThat(kazakh).contains("Күмәнді жауаптарды қосу");
	}

	@Test
	void answersFromOtherAddressesAndFormsOpenedLongEnoughAgoAreNotFlagged() throws Exception {
		Instant opened = Instant.now(clock).minus(Duration.ofMinutes(11));
		for (int i = 0; i < 15; i++) {
			String address = i < 13 ? "203.0.113.7" : "198.51.100." + i;
			UUID device = UUID.randomUUID();
			mvc.perform(post(path()).with(csrf())
				.with(SignedForms.form(SignedForms.deviceCookie(context, device),
						SignedForms.formToken(context, survey.id(), device, opened)))
				.with(r -> {
					r.setRemoteAddr(address);
					return r;
				})
				.header("User-Agent", "Browser " + i).header("Accept-Language", i % 2 == 0 ? "kk" : "ru")
				.param("q_usefulness", "5").param("q_applicability", "5").param("q_will_apply", "YES"))
				.andExpect(status().is3xxRedirection());
		}
		KindResults post = results.forEvent(methodologist, eventId).postEvent();
		assertThat(post.flagged()).as("the 11th to 13th from one address").isEqualTo(3);
		assertThat(post.flagReasons()).containsExactly(Map.entry(FlagReason.ONE_ADDRESS, 3L));
		assertThat(post.responses()).isEqualTo(12);
	}
}
