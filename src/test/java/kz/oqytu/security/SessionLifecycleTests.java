package kz.oqytu.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import testonly.FailingController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #8, item 14 (ASVS V3.2, V3.3, V3.4): sessions as a browser meets them on the running
 * server. Signing in issues a new session id (no fixation); the cookie is HttpOnly and SameSite
 * and, behind the HTTPS proxy (X-Forwarded-Proto: https), Secure; signing out ends the session on
 * the server; a session idle longer than the timeout no longer signs anyone in.
 *
 * <p>Same context configuration as {@code web.ErrorPageTests}, so they share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(FailingController.class)
class SessionLifecycleTests {

	private static final String COOKIE = "OQYTU_SESSION";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void signingInIssuesANewHttpOnlySameSiteSessionAndSigningOutEndsIt() throws Exception {
		HttpResponse<String> login = send(get("/login"));
		// Anonymous pages have no session (issue #15, item 9): the fixation attempt is an id planted in
		// the browser, which sign-in must not adopt.
		assertThat(cookie(login, COOKIE)).as("no session for the login page").isEmpty();
		String before = java.util.Base64.getEncoder().encodeToString(java.util.UUID.randomUUID().toString()
			.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		String token = csrf(login.body());

		HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/login"))
			.header("Cookie", COOKIE + "=" + before + "; " + csrfCookie(login))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=executive&password=demo&_csrf=" + token)));
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		String setCookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(COOKIE + "="))
			.findFirst().orElseThrow(() -> new AssertionError("no new session cookie at login"));
		String after = value(setCookie);
		assertThat(after).as("session id after login").isNotEqualTo(before);
		assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");

		assertThat(send(get("/dashboard").header("Cookie", COOKIE + "=" + after)).statusCode()).isEqualTo(200);
		assertThat(send(get("/dashboard").header("Cookie", COOKIE + "=" + before)).statusCode())
			.as("the pre-login session id is worthless").isEqualTo(302);

		HttpResponse<String> page = send(get("/dashboard").header("Cookie", COOKIE + "=" + after));
		HttpResponse<String> logout = send(HttpRequest.newBuilder(uri("/logout"))
			.header("Cookie", COOKIE + "=" + after)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf(page.body()))));
		assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
		HttpResponse<String> afterLogout = send(get("/dashboard").header("Cookie", COOKIE + "=" + after));
		assertThat(afterLogout.statusCode()).isEqualTo(302);
		assertThat(afterLogout.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

	@Test
	void anIdleSessionEndsAfterTheTimeout() throws Exception {
		assertThat(environment.getProperty("spring.session.timeout")).isEqualTo("30m");
		String session = signIn("executive");
		assertThat(send(get("/dashboard").header("Cookie", COOKIE + "=" + session)).statusCode()).isEqualTo(200);
		// 31 minutes of silence, on the server's clock.
		int aged = jdbc.sql("update spring_session set last_access_time = last_access_time - 31 * 60 * 1000"
				+ " where primary_id in (select primary_id from spring_session order by last_access_time desc limit 1)").update();
		assertThat(aged).isEqualTo(1);
		HttpResponse<String> later = send(get("/dashboard").header("Cookie", COOKIE + "=" + session));
		assertThat(later.statusCode()).isEqualTo(302);
		assertThat(later.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

	@Test
	void aRequestThatChangesNothingDoesNotRewriteTheSessionButAnOldTouchIsRenewed() throws Exception {
		String session = signIn("executive");
		String id = new String(java.util.Base64.getDecoder().decode(session), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(send(get("/dashboard").header("Cookie", COOKIE + "=" + session)).statusCode()).isEqualTo(200);
		long stored = lastAccess(id);
		// Spring Session stamps a touch with the system clock in milliseconds, not the application's clock:
		// once that clock is past the stored touch, a rewritten row would show a different time
		Awaitility.await().atMost(Duration.ofSeconds(1)).until(() -> System.currentTimeMillis() > stored);
		assertThat(send(get("/dashboard").header("Cookie", COOKIE + "=" + session)).statusCode()).isEqualTo(200);
		assertThat(lastAccess(id)).as("a page that changes nothing leaves the row alone").isEqualTo(stored);

		// Stored two minutes ago (beyond the one-minute touch interval): the next request writes it.
		jdbc.sql("update spring_session set last_access_time = last_access_time - 120000,"
				+ " expiry_time = expiry_time - 120000 where session_id = :id").param("id", id).update();
		assertThat(send(get("/dashboard").header("Cookie", COOKIE + "=" + session)).statusCode()).isEqualTo(200);
		assertThat(lastAccess(id)).as("an old touch is renewed").isGreaterThan(stored - 120000);
		long expiry = jdbc.sql("select expiry_time - last_access_time from spring_session where session_id = :id")
			.param("id", id).query(Long.class).single();
		assertThat(expiry).isEqualTo(30 * 60 * 1000L);
	}

	private long lastAccess(String sessionId) {
		return jdbc.sql("select last_access_time from spring_session where session_id = :id")
			.param("id", sessionId).query(Long.class).single();
	}

	@Test
	void behindTheHttpsProxyTheSessionCookieIsSecure() throws Exception {
		HttpResponse<String> login = send(get("/login").header("X-Forwarded-Proto", "https"));
		// over HTTPS the login form's CSRF cookie is __Host- prefixed (issue #15, item 10)
		assertThat(login.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("__Host-OQYTU_CSRF=")).singleElement()
			.satisfies(c -> assertThat(c).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly"));
		HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/login"))
			.header("X-Forwarded-Proto", "https")
			.header("Cookie", "__Host-OQYTU_CSRF=" + cookie(login, "__Host-OQYTU_CSRF").orElseThrow())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=executive&password=demo&_csrf=" + csrf(login.body()))));
		List<String> cookies = signedIn.headers().allValues("Set-Cookie");
		assertThat(cookies).filteredOn(c -> c.startsWith(COOKIE + "=")).singleElement()
			.satisfies(c -> assertThat(c).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly"));
	}

	/** The login page's CSRF cookie (no session before sign-in), as a Cookie header pair. */
	private static String csrfCookie(HttpResponse<?> loginPage) {
		return "OQYTU_CSRF=" + cookie(loginPage, "OQYTU_CSRF").orElseThrow(() -> new AssertionError("no CSRF cookie"));
	}

	private String signIn(String username) throws Exception {
		HttpResponse<String> login = send(get("/login"));
		HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/login"))
			.header("Cookie", csrfCookie(login))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=demo&_csrf=" + csrf(login.body()))));
		return cookie(signedIn, COOKIE).orElseThrow();
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(uri(path)).header("Accept", "text/html");
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static Optional<String> cookie(HttpResponse<?> response, String name) {
		return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
			.map(SessionLifecycleTests::value);
	}

	private static String value(String setCookie) {
		return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';') < 0 ? setCookie.length()
				: setCookie.indexOf(';'));
	}

	private static String csrf(String html) {
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(token.find()).as("a CSRF token on the page").isTrue();
		return token.group(1);
	}
}
