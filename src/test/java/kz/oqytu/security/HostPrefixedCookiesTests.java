package kz.oqytu.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.OqytuPrincipal;
import kz.oqytu.surveys.SurveyKind;
import kz.oqytu.surveys.Surveys;
import kz.oqytu.training.EventCommand;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingEvents;
import kz.oqytu.training.VenueKind;
import kz.oqytu.web.TrustedProxiesTests;
import testonly.FailingController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #15, item 10 (ASVS V3.4.4): on the running server, every cookie Oqytu sets is
 * {@code __Host-} prefixed, Secure, Path=/ and without Domain when the visitor uses HTTPS (here: the
 * trusted proxy on this machine says {@code X-Forwarded-Proto: https}), and keeps its bare name over
 * plain HTTP, so local runs work as before: the public survey's device and CSRF cookies and the
 * language cookie. (The session cookie does not follow yet: see docs/security.md.) Also: the
 * running server's forwarded-header valve believes only the configured proxies.
 *
 * <p>Same context configuration as {@code SessionLifecycleTests}, so they share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(FailingController.class)
class HostPrefixedCookiesTests {

	@LocalServerPort
	int port;

	@Autowired
	UserDetailsService users;

	@Autowired
	TrainingEvents events;

	@Autowired
	Surveys surveys;

	@Autowired
	WebServerApplicationContext server;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	/** A browser's cookie jar, kept by hand: Java's would not send Secure cookies to this http:// test address. */
	private final Map<String, String> jar = new LinkedHashMap<>();

	@Test
	void overPlainHttpTheCookiesKeepTheirBareNames() throws Exception {
		HttpResponse<String> login = send(get("/login?lang=ru", false));
		HttpResponse<String> signedIn = send(post("/login", false, "username=executive&password=demo&_csrf=" + csrf(login.body())));
		String session = setCookie(signedIn, "OQYTU_SESSION");
		assertThat(session).doesNotContainIgnoringCase("Secure");
		assertThat(setCookie(login, "OQYTU_LANG")).doesNotContainIgnoringCase("Secure");
		assertThat(names(login)).noneMatch(n -> n.startsWith("__Host-"));
		assertThat(send(get("/dashboard", false)).statusCode()).isEqualTo(200);
	}

	@Test
	void overHttpsTheLoginFormsCsrfCookieIsHostPrefixedAndSignInWorks() throws Exception {
		HttpResponse<String> login = send(get("/login", true));
		assertHostCookie(setCookie(login, "__Host-OQYTU_CSRF"));
		assertThat(names(login)).doesNotContain("OQYTU_CSRF");
		HttpResponse<String> signedIn = send(post("/login", true, "username=executive&password=demo&_csrf=" + csrf(login.body())));
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		assertThat(send(get("/dashboard", true)).statusCode()).isEqualTo(200);
	}

	@Test
	void theLanguageCookieFollowsTheSameRule() throws Exception {
		HttpResponse<String> page = send(get("/login?lang=ru", true));
		assertHostCookie(setCookie(page, "__Host-OQYTU_LANG"));
		assertThat(names(page)).doesNotContain("OQYTU_LANG");
		jar.clear();
		jar.put("__Host-OQYTU_LANG", "ru");
		assertThat(send(get("/login", true)).body()).contains("lang=\"ru\"");
	}

	@Test
	void overHttpsTheSurveysDeviceAndCsrfCookiesAreHostPrefixedAndAnAnswerIsStored() throws Exception {
		CurrentUser methodologist = ((OqytuPrincipal) users.loadUserByUsername("methodologist")).currentUser();
		long eventId = events.create(methodologist, new EventCommand("Cookie сынағы", "Проверка cookie", "THEMATIC_SEMINAR",
				Set.of("LABOUR_LAW"), LocalDateTime.of(2027, 4, 15, 10, 0), LocalDateTime.of(2027, 4, 15, 13, 0),
				java.math.BigDecimal.valueOf(3), VenueKind.REGIONAL_OFFICE, null, null, null, null, Set.of(), null, null,
				EventStatus.PLANNED, Map.of()));
		surveys.openNow(methodologist, eventId, SurveyKind.POST_EVENT);
		String path = "/s/" + surveys.one(methodologist, eventId, SurveyKind.POST_EVENT).token();

		HttpResponse<String> form = send(get(path, true));
		assertHostCookie(setCookie(form, "__Host-OQYTU_DEVICE"));
		assertHostCookie(setCookie(form, "__Host-OQYTU_SURVEY_CSRF"));
		assertThat(names(form)).doesNotContain("OQYTU_DEVICE", "OQYTU_SURVEY_CSRF");
		java.util.regex.Matcher formToken = java.util.regex.Pattern.compile("name=\"_form\" value=\"([^\"]+)\"").matcher(form.body());
		assertThat(formToken.find()).as("the form's one-time token").isTrue();
		HttpResponse<String> answer = send(post(path, true, "_csrf=" + csrf(form.body()) + "&_form="
				+ java.net.URLEncoder.encode(formToken.group(1), java.nio.charset.StandardCharsets.UTF_8)
				+ "&q_usefulness=5&q_applicability=4&q_will_apply=YES&q_category=ACTIVIST"));
		assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(path + "/thanks"));

		jar.clear();
		HttpResponse<String> plain = send(get(path, false));
		assertThat(setCookie(plain, "OQYTU_DEVICE")).containsIgnoringCase("Path=/s").doesNotContainIgnoringCase("Secure");
		assertThat(setCookie(plain, "OQYTU_SURVEY_CSRF")).containsIgnoringCase("Path=/s").doesNotContainIgnoringCase("Secure");
	}

	@Test
	void theRunningServerTrustsOnlyTheConfiguredProxies() throws Exception {
		RemoteIpValve running = null;
		for (Valve valve : ((TomcatWebServer) server.getWebServer()).getTomcat().getEngine().getPipeline().getValves()) {
			if (valve instanceof RemoteIpValve remoteIp) {
				running = remoteIp;
			}
		}
		assertThat(running).as("forwarded headers are on").isNotNull();
		// The same settings in a valve of our own, fed requests from chosen socket addresses.
		RemoteIpValve copy = TrustedProxiesTests.bootsValve();
		copy.setInternalProxies(running.getInternalProxies());
		copy.setTrustedProxies(running.getTrustedProxies());
		assertThat(TrustedProxiesTests.through(copy, "127.0.0.1", "203.0.113.7").remoteAddr()).isEqualTo("203.0.113.7");
		for (String neighbour : List.of("10.0.0.5", "172.17.0.1", "192.168.1.20")) {
			assertThat(TrustedProxiesTests.through(copy, neighbour, "203.0.113.7").remoteAddr()).as(neighbour).isEqualTo(neighbour);
		}
	}

	private static void assertHostCookie(String setCookie) {
		assertThat(setCookie).startsWith("__Host-").containsIgnoringCase("; Secure").containsIgnoringCase("Path=/;")
			.doesNotContainIgnoringCase("Domain=");
	}

	private HttpRequest.Builder get(String path, boolean https) {
		return withJar(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html"), https);
	}

	private HttpRequest.Builder post(String path, boolean https, String form) {
		return withJar(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)), https);
	}

	private HttpRequest.Builder withJar(HttpRequest.Builder request, boolean https) {
		if (https) {
			request.header("X-Forwarded-Proto", "https");
		}
		if (!jar.isEmpty()) {
			request.header("Cookie", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
				.collect(Collectors.joining("; ")));
		}
		return request;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		for (String c : response.headers().allValues("Set-Cookie")) {
			String pair = c.contains(";") ? c.substring(0, c.indexOf(';')) : c;
			String name = pair.substring(0, pair.indexOf('='));
			String value = pair.substring(pair.indexOf('=') + 1);
			if (value.isEmpty() || c.toLowerCase().contains("max-age=0")) {
				jar.remove(name);
			}
			else {
				jar.put(name, value);
			}
		}
		return response;
	}

	/** A request outside the browser: its answer's cookies stay out of the jar. */
	private HttpResponse<String> probe(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static List<String> names(HttpResponse<?> response) {
		return response.headers().allValues("Set-Cookie").stream().map(c -> c.substring(0, c.indexOf('='))).toList();
	}

	private static String setCookie(HttpResponse<?> response, String name) {
		return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
			.orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers().allValues("Set-Cookie")));
	}

	private static String csrf(String html) {
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(token.find()).as("a CSRF token on the page").isTrue();
		return token.group(1);
	}
}
