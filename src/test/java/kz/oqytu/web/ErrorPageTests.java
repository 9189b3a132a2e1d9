package kz.oqytu.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import testonly.FailingController;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error pages as a browser gets them from the running server: localized, with a reference id for
 * server errors and nothing of the exception.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(FailingController.class)
class ErrorPageTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.cookieHandler(new java.net.CookieManager())
		.build();

	@Test
	void unknownPageIsALocalized404() throws Exception {
		HttpResponse<String> response = get("/login-nowhere?lang=ru");
		// Unknown paths are behind login, so anonymous visitors are sent to it first.
		assertThat(response.statusCode()).isEqualTo(302);
		HttpResponse<String> notFound = get("/webjars/nothing-here.js?lang=ru");
		assertThat(notFound.statusCode()).isEqualTo(404);
		assertThat(notFound.body()).contains("Страница не найдена").doesNotContain("Exception");
	}

	@Test
	void serverErrorShowsAReferenceAndNoStackTrace() throws Exception {
		signIn("methodologist");
		HttpResponse<String> response = get("/test-only/boom?lang=kk");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("Уақытша ақау").contains("Анықтама нөмірі:")
			.containsPattern("<code>[0-9A-F]{8}</code>")
			.doesNotContain("IllegalStateException")
			.doesNotContain("secret detail")
			.doesNotContain("at kz.oqytu");
	}

	private void signIn(String username) throws Exception {
		String page = get("/login").body();
		java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(token.find()).isTrue();
		HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=demo&_csrf=" + token.group(1)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "text/html")
			.build(), HttpResponse.BodyHandlers.ofString());
	}
}
