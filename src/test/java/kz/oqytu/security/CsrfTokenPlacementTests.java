package kz.oqytu.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
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
import testonly.FailingController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #15, item 10 (ASVS V3.1.1, V4.2.2, V13.2.3): a CSRF token counts only in the form body or
 * in its header, never in the URL, where it would leak into logs, history and Referer headers. Both
 * chains, over real HTTP (Tomcat parses the query string and the body): the signed-in pages (token
 * in the session) and the public survey (token in its own cookie). Real HTTP also keeps
 * spring-security-test's MockMvc {@code csrf()}, which swaps a chain's token store for the whole
 * context, out of the way.
 *
 * <p>Same context configuration as {@code SessionLifecycleTests}, so they share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(FailingController.class)
class CsrfTokenPlacementTests {

	private static final Pattern FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	UserDetailsService users;

	@Autowired
	TrainingEvents events;

	@Autowired
	Surveys surveys;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final Map<String, String> jar = new LinkedHashMap<>();

	@Test
	void aSignedInPostWithTheTokenInTheQueryStringIsForbiddenAndInTheBodyOrHeaderAccepted() throws Exception {
		signIn();
		String token = token(send(get("/dashboard")).body(), META);

		assertThat(send(post("/logout?_csrf=" + token, "")).statusCode()).isEqualTo(403);
		assertThat(send(post("/logout?%5Fcsrf=" + token, "")).statusCode()).as("the encoded name is the same parameter")
			.isEqualTo(403);
		// In the URL and in the body: the servlet API hands over the URL's first, so neither counts.
		assertThat(send(post("/logout?_csrf=" + token, "_csrf=" + token)).statusCode()).isEqualTo(403);
		assertThat(send(get("/dashboard")).statusCode()).as("still signed in").isEqualTo(200);

		HttpResponse<String> byHeader = send(post("/logout", "").header("X-CSRF-TOKEN", token));
		assertThat(byHeader.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
		signIn();
		HttpResponse<String> byBody = send(post("/logout", "_csrf=" + token(send(get("/dashboard")).body(), META)));
		assertThat(byBody.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
	}

	@Test
	void aSurveyAnswerWithTheTokenInTheQueryStringIsForbiddenAndInTheBodyStored() throws Exception {
		CurrentUser methodologist = ((OqytuPrincipal) users.loadUserByUsername("methodologist")).currentUser();
		// A planned event of its own in 2027, outside the pinned demo figures.
		long eventId = events.create(methodologist, new EventCommand("CSRF сынағы", "Проверка CSRF", "THEMATIC_SEMINAR",
				Set.of("LABOUR_LAW"), LocalDateTime.of(2027, 4, 14, 10, 0), LocalDateTime.of(2027, 4, 14, 13, 0),
				java.math.BigDecimal.valueOf(3), VenueKind.REGIONAL_OFFICE, null, null, null, null, Set.of(), null, null,
				EventStatus.PLANNED, Map.of()));
		surveys.openNow(methodologist, eventId, SurveyKind.POST_EVENT);
		String path = "/s/" + surveys.one(methodologist, eventId, SurveyKind.POST_EVENT).token();

		String page = send(get(path)).body();
		String token = token(page, FIELD);
		assertThat(jar).containsKey("OQYTU_SURVEY_CSRF");
		// the form's one-time token (issue #15, item 4) goes with the answers, as a browser sends it
		String formToken = java.net.URLEncoder.encode(token(page, Pattern.compile("name=\"_form\" value=\"([^\"]+)\"")),
				java.nio.charset.StandardCharsets.UTF_8);
		String answers = "_form=" + formToken + "&q_usefulness=5&q_applicability=4&q_will_apply=YES&q_category=ACTIVIST";
		assertThat(send(post(path + "?_csrf=" + token, answers)).statusCode()).isEqualTo(403);
		HttpResponse<String> stored = send(post(path, "_csrf=" + token + "&" + answers));
		assertThat(stored.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(path + "/thanks"));
	}

	private void signIn() throws Exception {
		String token = token(send(get("/login")).body(), FIELD);
		HttpResponse<String> signedIn = send(post("/login", "username=executive&password=demo&_csrf=" + token));
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
	}

	private HttpRequest.Builder get(String path) {
		return withJar(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html"));
	}

	private HttpRequest.Builder post(String path, String form) {
		return withJar(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	private HttpRequest.Builder withJar(HttpRequest.Builder request) {
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

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String token(String html, Pattern where) {
		Matcher m = where.matcher(html);
		assertThat(m.find()).as("a CSRF token on the page").isTrue();
		return m.group(1);
	}
}
