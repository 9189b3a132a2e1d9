package kz.oqytu.security;

import java.time.Clock;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
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
 * Issue #15, item 4 (ASVS V11.1.1, V11.1.3, V11.1.4, V3.5.3): what a probe did to stuff a survey,
 * with the default settings. A client-made device cookie, a form (and its CSRF token) sent again, a
 * token missing or forged, one device posting without end. (One client rotating its browser string:
 * {@link SurveyScriptedAnswersTests}.) Each on a survey of its own; all roll back.
 */
@OqytuIntegrationTest
@Transactional
class SurveyStuffingTests {

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
	JdbcClient jdbc;

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
		eventId = events.create(methodologist, new EventCommand("Толтыру сынағы", "Проверка вброса",
				"THEMATIC_SEMINAR", Set.of("LABOUR_LAW"), LocalDateTime.of(2027, 5, 10, 10, 0),
				LocalDateTime.of(2027, 5, 10, 13, 0), java.math.BigDecimal.valueOf(3), VenueKind.REGIONAL_OFFICE, null,
				null, null, null, Set.of(), null, null, EventStatus.PLANNED, Map.of()));
		surveys.openNow(methodologist, eventId, SurveyKind.POST_EVENT);
		survey = surveys.one(methodologist, eventId, SurveyKind.POST_EVENT);
	}

	private String path() {
		return "/s/" + survey.token();
	}

	private MockHttpServletRequestBuilder answers(MockHttpServletRequestBuilder request) {
		return request.with(csrf())
			.param("q_usefulness", "5")
			.param("q_applicability", "5")
			.param("q_will_apply", "YES")
			.param("q_comments", "Керемет");
	}

	private long stored() {
		return jdbc.sql("select count(*) from survey_response where event_survey_id = :s")
			.param("s", survey.id()).query(Long.class).single();
	}

	private static String formToken(MvcResult form) throws Exception {
		Matcher token = FORM_TOKEN.matcher(form.getResponse().getContentAsString());
		assertThat(token.find()).as("the form carries a one-time token").isTrue();
		return token.group(1);
	}

	@Test
	void aClientMadeDeviceCookieIsNotTrusted() throws Exception {
		UUID chosen = UUID.randomUUID();
		MvcResult form = mvc.perform(get(path()).cookie(new Cookie("OQYTU_DEVICE", chosen.toString())))
			.andExpect(status().isOk()).andReturn();
		Cookie issued = form.getResponse().getCookie("OQYTU_DEVICE");
		assertThat(issued).as("a device cookie not signed by the server is replaced").isNotNull();
		assertThat(issued.getValue()).doesNotStartWith(chosen.toString());
		assertThat(SignedForms.deviceCookie(context, chosen)).as("the signed form of that id")
			.isNotEqualTo(chosen.toString());

		// the form of a device the client named itself, sent with an unsigned cookie, and with a forged signature
		String opened = SignedForms.formToken(context, survey.id(), chosen, Instant.now(clock).minusSeconds(60));
		mvc.perform(answers(post(path())).with(SignedForms.form(chosen.toString(), opened)))
			.andExpect(status().is3xxRedirection());
		UUID other = UUID.randomUUID();
		mvc.perform(answers(post(path())).with(SignedForms.form(other + ".AAAAAAAAAAAAAAAAAAAAAA",
				SignedForms.formToken(context, survey.id(), other, Instant.now(clock).minusSeconds(60)))))
			.andExpect(status().is3xxRedirection());
		// a signed cookie of another device than the one the form was issued to
		UUID third = UUID.randomUUID();
		mvc.perform(answers(post(path())).with(SignedForms.form(SignedForms.deviceCookie(context, UUID.randomUUID()),
				SignedForms.formToken(context, survey.id(), third, Instant.now(clock).minusSeconds(60)))))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select flag_reasons from survey_response where event_survey_id = :s order by id")
			.param("s", survey.id()).query(Integer.class).list())
			.containsExactly(FlagReason.NO_DEVICE.bit(), FlagReason.NO_DEVICE.bit(), FlagReason.OTHER_DEVICE.bit());
		assertThat(results.forEvent(methodologist, eventId).postEvent().responses()).isZero();
	}

	@Test
	void aFormSentAgainStoresNothingAndSaysSo() throws Exception {
		MvcResult form = mvc.perform(get(path())).andExpect(status().isOk()).andReturn();
		Cookie device = form.getResponse().getCookie("OQYTU_DEVICE");
		String token = formToken(form);
		mvc.perform(answers(post(path())).cookie(device).param("_form", token)).andExpect(status().is3xxRedirection());
		// again as it was, then with a fresh device cookie and another browser string
		mvc.perform(answers(post(path())).cookie(device).param("_form", token).param("lang", "ru"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("Каждую форму можно отправить только один раз.")));
		Cookie fresh = mvc.perform(get(path())).andReturn().getResponse().getCookie("OQYTU_DEVICE");
		mvc.perform(answers(post(path())).cookie(fresh).param("_form", token).header("User-Agent", "Another phone")
			.param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("This form was already sent")));
		assertThat(stored()).isEqualTo(1);
	}

	@Test
	void aFormWithoutATokenOrWithAnotherSurveysTokenStoresNothingAndIsShownAgain() throws Exception {
		UUID device = UUID.randomUUID();
		String cookie = SignedForms.deviceCookie(context, device);
		mvc.perform(answers(post(path())).cookie(new Cookie("OQYTU_DEVICE", cookie)).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("This form has expired")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("Керемет")));
		String otherSurveys = SignedForms.formToken(context, survey.id() + 1, device, Instant.now(clock).minusSeconds(60));
		mvc.perform(answers(post(path())).with(SignedForms.form(cookie, otherSurveys))).andExpect(status().isOk());
		String tooOld = SignedForms.formToken(context, survey.id(), device, Instant.now(clock).minus(java.time.Duration.ofDays(2)));
		mvc.perform(answers(post(path())).with(SignedForms.form(cookie, tooOld))).andExpect(status().isOk());
		String tampered = SignedForms.formToken(context, survey.id(), device, Instant.now(clock).minusSeconds(60));
		tampered = tampered.substring(0, 10) + (tampered.charAt(10) == 'A' ? 'B' : 'A') + tampered.substring(11);
		mvc.perform(answers(post(path())).with(SignedForms.form(cookie, tampered))).andExpect(status().isOk());
		assertThat(stored()).isZero();
	}

	@Test
	void oneDevicePostingMoreThanItsLimitAMinuteIsAskedToWaitAndNothingIsStored() throws Exception {
		UUID device = UUID.randomUUID();
		int accepted = 0;
		int refused = 0;
		// 20 posts a minute per device; a minute may turn during the loop, so up to two windows' worth
		for (int i = 0; i < 42 && refused == 0; i++) {
			int status = mvc.perform(post(path()).with(csrf()).with(SignedForms.form(context, survey.id(), device))
				.param("q_usefulness", "9").param("lang", "en")).andReturn().getResponse().getStatus();
			if (status == 429) {
				refused++;
			}
			else {
				assertThat(status).isEqualTo(422);
				accepted++;
			}
		}
		assertThat(refused).isEqualTo(1);
		assertThat(accepted).isGreaterThanOrEqualTo(20);
		mvc.perform(answers(post(path())).with(SignedForms.form(context, survey.id(), device)).param("lang", "en"))
			.andExpect(status().isTooManyRequests())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("press Send again in a minute")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("Керемет")));
		assertThat(stored()).isZero();
		// other phones of the same hall are not held back
		mvc.perform(answers(post(path())).with(SignedForms.form(context, survey.id(), UUID.randomUUID())))
			.andExpect(status().is3xxRedirection());
	}
}
