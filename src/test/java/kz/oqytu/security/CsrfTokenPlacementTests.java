package kz.oqytu.security;

import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.surveys.SurveyKind;
import kz.oqytu.surveys.Surveys;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.training.TrainingEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #15, item 10 (ASVS V3.1.1, V13.2.3): a CSRF token counts only in the form body or in its
 * header, never in the URL, where it would leak into logs, history and Referer headers. Both chains:
 * the signed-in pages (token in the session) and the public survey (token in its own cookie).
 */
@OqytuIntegrationTest
class CsrfTokenPlacementTests {

	private static final Pattern FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Surveys surveys;

	@Autowired
	TrainingEvents events;

	@Test
	void aSignedInPostWithTheTokenInTheQueryStringIsForbiddenAndInTheBodyOrHeaderAccepted() throws Exception {
		// Spring Session keeps the token in the session its cookie names: the page's cookies go with every post.
		MvcResult page = mvc.perform(get("/dashboard").with(users.as("executive"))).andExpect(status().isOk()).andReturn();
		Cookie[] session = page.getResponse().getCookies();
		String token = token(page, META);

		mvc.perform(post("/logout?_csrf=" + token).cookie(session).with(users.as("executive")))
			.andExpect(status().isForbidden());
		// An encoded parameter name is the same parameter.
		mvc.perform(post("/logout?%5Fcsrf=" + token).cookie(session).with(users.as("executive")))
			.andExpect(status().isForbidden());
		// In the URL and in the body: the servlet API would hand over the URL's first, so neither counts.
		mvc.perform(post("/logout?_csrf=" + token).contentType("application/x-www-form-urlencoded")
			.content("_csrf=" + token).cookie(session).with(users.as("executive")))
			.andExpect(status().isForbidden());

		mvc.perform(post("/logout").header("X-CSRF-TOKEN", token).cookie(session).with(users.as("executive")))
			.andExpect(redirectedUrl("/login?logout"));
		MvcResult another = mvc.perform(get("/dashboard").with(users.as("executive"))).andReturn();
		mvc.perform(post("/logout").contentType("application/x-www-form-urlencoded").content("_csrf=" + token(another, META))
			.cookie(another.getResponse().getCookies()).with(users.as("executive")))
			.andExpect(redirectedUrl("/login?logout"));
	}

	@Test
	void aSurveyAnswerWithTheTokenInTheQueryStringIsForbiddenAndInTheBodyStored() throws Exception {
		CurrentUser methodologist = users.current("methodologist");
		// A planned event of its own in 2027, outside the pinned demo figures.
		long eventId = events.create(methodologist, new kz.oqytu.training.EventCommand("CSRF сынағы", "Проверка CSRF",
				"THEMATIC_SEMINAR", java.util.Set.of("LABOUR_LAW"), LocalDateTime.of(2027, 4, 14, 10, 0),
				LocalDateTime.of(2027, 4, 14, 13, 0), java.math.BigDecimal.valueOf(3),
				kz.oqytu.training.VenueKind.REGIONAL_OFFICE, null, null, null, null, java.util.Set.of(), null, null,
				kz.oqytu.training.EventStatus.PLANNED, java.util.Map.of()));
		surveys.openNow(methodologist, eventId, SurveyKind.POST_EVENT);
		String path = "/s/" + surveys.one(methodologist, eventId, SurveyKind.POST_EVENT).token();

		MvcResult form = mvc.perform(get(path)).andExpect(status().isOk()).andReturn();
		String token = token(form, FIELD);
		Cookie[] cookies = form.getResponse().getCookies();
		assertThat(cookies).extracting(Cookie::getName).contains("OQYTU_SURVEY_CSRF");

		mvc.perform(post(path + "?_csrf=" + token).cookie(cookies).param("q_usefulness", "5"))
			.andExpect(status().isForbidden());
		mvc.perform(post(path).cookie(cookies).contentType("application/x-www-form-urlencoded")
			.content("_csrf=" + token + "&q_usefulness=5&q_applicability=4&q_will_apply=YES&q_category=ACTIVIST"))
			.andExpect(redirectedUrl(path + "/thanks"));
	}

	private static String token(MvcResult page, Pattern where) throws Exception {
		Matcher m = where.matcher(page.getResponse().getContentAsString());
		assertThat(m.find()).as("a CSRF token on the page").isTrue();
		return m.group(1);
	}
}
