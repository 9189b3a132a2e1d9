package kz.oqytu.security;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import testonly.FailingController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #15, item 9 (ASVS V3.2.1, V4.2.2, V11.1.4): anonymous pages write no session. A bot loading
 * the login page, the home page, an error page or a language switch leaves spring_session as it was;
 * the login form keeps its CSRF protection (the token in a cookie of its own, double submit) and a page
 * asked for before sign-in is still where the sign-in leads.
 *
 * <p>Same context configuration as {@code SessionLifecycleTests}, so they share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(FailingController.class)
class AnonymousPagesWriteNoSessionTests {

	private static final List<String> ANONYMOUS_PAGES = List.of("/login", "/login?lang=ru", "/login?lang=en",
			"/login?error", "/login?logout", "/", "/dashboard", "/organizations?lang=ru", "/webjars/nothing-here.js",
			"/login?ended=lifetime", "/s/no-such-survey", "/c", "/c?code=NOSUCH23", "/c/NOSUCH23");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aBotLoadingAnonymousPagesWritesNoSession() throws Exception {
		long start = System.currentTimeMillis() - 1;
		SessionBrowser keepsCookies = new SessionBrowser(port);
		for (int i = 0; i < 40; i++) {
			for (String page : ANONYMOUS_PAGES) {
				HttpResponse<String> answer = (i % 2 == 0 ? keepsCookies : new SessionBrowser(port)).get(page);
				assertThat(answer.statusCode()).as(page).isIn(200, 302, 404);
				assertThat(answer.headers().allValues("Set-Cookie")).as("GET " + page)
					.noneMatch(c -> c.startsWith(SessionBrowser.SESSION_COOKIE + "="));
			}
			// A wrong password, and a post without its token (the 403 page).
			assertThat(keepsCookies.submit("/login", "/login", Map.of("username", "bot.nobody", "password", "wrong"))
				.statusCode()).isEqualTo(302);
			assertThat(keepsCookies.post("/login", Map.of("username", "bot.nobody", "password", "demo")).statusCode())
				.isEqualTo(403);
		}
		assertThat(keepsCookies.get("/login").body()).as("the language chosen last, kept in its cookie")
			.contains("lang=\"en\"");
		assertThat(sessionsCreatedSince(start)).as("session rows written by %d anonymous requests",
				40 * (ANONYMOUS_PAGES.size() + 3)).isZero();
	}

	@Test
	void theLoginFormStillNeedsItsCsrfTokenAndItsCookie() throws Exception {
		SessionBrowser visitor = new SessionBrowser(port);
		String token = SessionBrowser.csrf(visitor.get("/login").body());
		assertThat(visitor.cookie(SessionBrowser.SESSION_COOKIE)).isEmpty();

		// Without the token: refused.
		assertThat(visitor.post("/login", Map.of("username", "executive", "password", "demo")).statusCode()).isEqualTo(403);
		// With a token but not the cookie it belongs to (a forged login from another site): refused.
		SessionBrowser forger = new SessionBrowser(port);
		assertThat(forger.post("/login", Map.of("username", "executive", "password", "demo", "_csrf", token))
			.statusCode()).isEqualTo(403);

		HttpResponse<String> signedIn = visitor.post("/login",
				Map.of("username", "executive", "password", "demo", "_csrf", token));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(SessionBrowser.location(signedIn)).doesNotContain("/login");
		assertThat(visitor.cookie(SessionBrowser.SESSION_COOKIE)).as("a session from sign-in on").isPresent();
		assertThat(visitor.get("/dashboard").statusCode()).isEqualTo(200);
	}

	@Test
	void thePageAskedForBeforeSignInIsWhereSignInLeads() throws Exception {
		SessionBrowser visitor = new SessionBrowser(port);
		HttpResponse<String> asked = visitor.get("/organizations/districts?lang=ru");
		assertThat(asked.statusCode()).isEqualTo(302);
		assertThat(SessionBrowser.location(asked)).endsWith("/login");
		HttpResponse<String> signedIn = visitor.submit("/login", "/login", Map.of("username", "executive", "password", "demo"));
		assertThat(SessionBrowser.location(signedIn)).contains("/organizations/districts?lang=ru");
		assertThat(visitor.get("/organizations/districts?lang=ru").statusCode()).isEqualTo(200);
	}

	private long sessionsCreatedSince(long millis) {
		return jdbc.sql("select count(*) from spring_session where creation_time >= :since").param("since", millis)
			.query(Long.class).single();
	}
}
