package kz.oqytu.security;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One browser against the running server: its own cookie jar, redirects not followed, so a test sees
 * each answer as it is. Used by the session tests of issue #15.
 */
final class SessionBrowser {

	static final String SESSION_COOKIE = "OQYTU_SESSION";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final int port;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	SessionBrowser(int port) {
		this.port = port;
		this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(this.cookies).build();
	}

	HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
		return this.http.send(postRequest(path, form), HttpResponse.BodyHandlers.ofString());
	}

	HttpRequest postRequest(String path, Map<String, String> form) {
		String body = form.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build();
	}

	HttpClient client() {
		return this.http;
	}

	/** Posts a form of the page at {@code pagePath} with that page's CSRF token. */
	HttpResponse<String> submit(String pagePath, String action, Map<String, String> fields) throws Exception {
		HttpResponse<String> page = get(pagePath);
		assertThat(page.statusCode()).as("GET " + pagePath).isEqualTo(200);
		Map<String, String> form = new LinkedHashMap<>(fields);
		form.put("_csrf", csrf(page.body()));
		return post(action, form);
	}

	/** Signs in through the login form; fails the test if the login is refused. */
	SessionBrowser signIn(String username, String password) throws Exception {
		HttpResponse<String> login = submit("/login", "/login", Map.of("username", username, "password", password));
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("/login"));
		return this;
	}

	Optional<String> cookie(String name) {
		return this.cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
			.map(HttpCookie::getValue).findFirst();
	}

	/** The id of this browser's session as Spring Session stores it (the cookie is its Base64). */
	String sessionId() {
		String cookie = cookie(SESSION_COOKIE).orElseThrow(() -> new AssertionError("no session cookie"));
		return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
	}

	static String csrf(String html) {
		Matcher token = CSRF.matcher(html);
		assertThat(token.find()).as("a CSRF token on the page").isTrue();
		return token.group(1);
	}

	static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}
}
