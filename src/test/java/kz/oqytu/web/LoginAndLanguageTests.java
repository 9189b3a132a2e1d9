package kz.oqytu.web;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The login page in three languages, Kazakh by default, the choice kept in a cookie. */
@OqytuIntegrationTest
class LoginAndLanguageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Test
	void loginPageIsKazakhByDefault() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("lang=\"kk\"")))
			.andExpect(content().string(containsString("Жүйеге кіру")));
	}

	@Test
	void loginPageRendersInRussianAndEnglish() throws Exception {
		mvc.perform(get("/login").param("lang", "ru"))
			.andExpect(content().string(containsString("Вход в систему")))
			.andExpect(content().string(containsString("lang=\"ru\"")));
		mvc.perform(get("/login").param("lang", "en"))
			.andExpect(content().string(containsString("Sign in")))
			.andExpect(content().string(containsString("lang=\"en\"")));
	}

	@Test
	void theChosenLanguagePersistsInACookie() throws Exception {
		MvcResult chosen = mvc.perform(get("/login").param("lang", "ru")).andReturn();
		Cookie cookie = chosen.getResponse().getCookie("OQYTU_LANG");
		assertThat(cookie).isNotNull();
		assertThat(cookie.getMaxAge()).isGreaterThan(30 * 24 * 3600);
		mvc.perform(get("/organizations/districts").cookie(cookie).with(users.as("executive")))
			.andExpect(content().string(containsString("Итого по области")));
	}

	@Test
	void anUnsupportedLanguageFallsBackToKazakh() throws Exception {
		mvc.perform(get("/login").param("lang", "de")).andExpect(content().string(containsString("Жүйеге кіру")));
	}

	@Test
	void pagesAskForLoginFirst() throws Exception {
		mvc.perform(get("/organizations")).andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/login"));
	}

	@Test
	void postingWithoutACsrfTokenIsForbidden() throws Exception {
		mvc.perform(post("/login").param("username", "admin").param("password", "demo"))
			.andExpect(status().isForbidden());
	}

	@Test
	void healthIsPublic() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk())
			.andExpect(content().string(containsString("UP")));
	}

	@Test
	void pagesCarryProtectiveHeaders() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
	}

	@Test
	void assetsAreServedByTheApplication() throws Exception {
		mvc.perform(get("/webjars/bootstrap/css/bootstrap.min.css")).andExpect(status().isOk());
		mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
		mvc.perform(get("/login")).andExpect(content().string(org.hamcrest.Matchers.not(containsString("cdn"))));
	}
}
