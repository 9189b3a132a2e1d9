package kz.oqytu.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import testonly.FailingController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #8, item 18 (ASVS V7.1, V7.4): a forced exception gives the visitor the generic localized
 * page with a reference id and nothing of the exception ({@code web.ErrorPageTests}); here, the
 * same reference is in the log beside the stack trace, so support can find one from the other, and
 * what must never be logged (a password typed at login, the session id) is not.
 *
 * <p>Same context configuration as {@code web.ErrorPageTests}, so they share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(FailingController.class)
@ExtendWith(OutputCaptureExtension.class)
class ErrorReferenceInTheLogTests {

	private static final String PASSWORD = "Sekret-Pa55word-" + System.nanoTime();

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
		.cookieHandler(new CookieManager()).build();

	@Test
	void theReferenceOnThePageIsInTheLogAndNoSecretIs(CapturedOutput output) throws Exception {
		// A failed login with a password that must never reach the log.
		signIn("methodologist", PASSWORD);
		String session = signIn("methodologist", "demo");

		HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/test-only/boom?lang=ru")).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(500);
		assertThat(page.body()).contains("Временный сбой").doesNotContain("secret detail").doesNotContain("at kz.oqytu");
		Matcher reference = Pattern.compile("<code>([0-9A-F]{8})</code>").matcher(page.body());
		assertThat(reference.find()).isTrue();

		String log = output.getAll();
		assertThat(log).contains("reference " + reference.group(1));
		// The stack trace is in the log (for support), with the reference on the same record.
		assertThat(log.substring(log.indexOf("reference " + reference.group(1)))).contains("IllegalStateException");
		assertThat(log).doesNotContain(PASSWORD);
		assertThat(session).isNotBlank();
		assertThat(log).doesNotContain(session);
	}

	/** Signs in through the login form; the session cookie's value afterwards. */
	private String signIn(String username, String password) throws Exception {
		String login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
		assertThat(token.find()).isTrue();
		http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password + "&_csrf="
					+ token.group(1)))
			.build(), HttpResponse.BodyHandlers.discarding());
		return ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
			.filter(c -> c.getName().equals("OQYTU_SESSION")).findFirst().map(java.net.HttpCookie::getValue).orElse("");
	}
}
