package kz.oqytu.browser;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a first visit costs on a weak phone network (issue #19): Chromium emulates 400 ms latency and
 * 400 kbit/s each way, and every response's encoded bytes (headers and body, as they crossed the
 * wire) are summed. The bytes are asserted, the first paint is only printed (timings belong to
 * bench/, docs/performance.md).
 */
@BrowserTest
class PageWeightTests {

	/** The participant's first visit to a survey: the page and everything it loads. */
	static final long SURVEY_BUDGET = 50 * 1024;

	/** The chair's portal with a cold cache, signed in. */
	static final long PORTAL_BUDGET = 100 * 1024;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	private Ui ui;

	@BeforeEach
	void setUp() {
		ui = new Ui(port);
	}

	@Test
	void aParticipantsFirstVisitToTheSurveyTransfersAtMost50Kilobytes(Browser browser) {
		String token = PhonePages.openSurvey(jdbc, clock);
		Weight survey = measure(browser, null, "/s/" + token);
		System.out.println("page weight: survey " + survey);
		assertThat(survey.requests()).as("what the survey page loads").noneMatch(u -> u.contains("htmx")
				|| u.contains("bootstrap") || u.contains("chart") || u.contains("oqytu.css"));
		assertThat(survey.bytes()).as("bytes of the survey's first visit: " + survey).isLessThanOrEqualTo(SURVEY_BUDGET);
	}

	@Test
	void theChairsPortalTransfersAtMost100KilobytesWithAColdCache(Browser browser) {
		long org = PhonePages.chairOrganization(jdbc);
		Weight login = measure(browser, null, "/login");
		System.out.println("page weight: login " + login);
		Weight portal = measure(browser, "chair", "/organizations/" + org + "/portal");
		System.out.println("page weight: portal " + portal);
		assertThat(portal.bytes()).as("bytes of the portal: " + portal).isLessThanOrEqualTo(PORTAL_BUDGET);
		assertThat(login.bytes()).as("bytes of the login page: " + login).isLessThanOrEqualTo(PORTAL_BUDGET);
	}

	/**
	 * Text answers are gzipped whoever writes them (Tomcat compresses below every filter): pages, the
	 * survey, an error page, stylesheets, scripts and SVG; assets by their content hash are kept a year.
	 */
	@Test
	void textAnswersAreCompressedAndHashedAssetsKeptAYear() throws Exception {
		String token = PhonePages.openSurvey(jdbc, clock);
		java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
		java.util.function.Function<String, java.net.http.HttpResponse<byte[]>> get = path -> {
			try {
				return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(ui.url(path)))
					.header("Accept-Encoding", "gzip")
					.header("Accept-Language", "ru")
					.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		};
		var survey = get.apply("/s/" + token);
		String html = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(survey.body()))
			.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		java.util.regex.Matcher css = java.util.regex.Pattern.compile("href=\"(/css/public-[0-9a-f]{32}\\.css)\"").matcher(html);
		java.util.regex.Matcher js = java.util.regex.Pattern.compile("src=\"(/js/organization-names-[0-9a-f]{32}\\.js)\"").matcher(html);
		assertThat(css.find()).as("the survey's own stylesheet by its hash").isTrue();
		boolean script = js.find();
		List<String> gzipped = new ArrayList<>(List.of("/s/" + token, "/login", "/s/no-such-survey-token", "/css/oqytu.css",
				"/js/participant-grid.js", "/webjars/bootstrap/css/bootstrap.min.css", css.group(1)));
		if (script) {
			gzipped.add(js.group(1));
		}
		for (String path : gzipped) {
			var response = get.apply(path);
			assertThat(response.headers().firstValue("Content-Encoding")).as(path + " (" + response.statusCode() + ")")
				.hasValue("gzip");
		}
		assertThat(survey.headers().firstValue("Cache-Control").orElse("")).as("the page itself").contains("no-store");
		assertThat(get.apply(css.group(1)).headers().firstValue("Cache-Control"))
			.hasValue("max-age=31536000, public, immutable");
		assertThat(get.apply("/css/oqytu.css").headers().firstValue("Cache-Control")).hasValue("no-cache, public");
	}

	/** One page in a new phone-sized window, with an empty cache, over the emulated network. */
	private Weight measure(Browser browser, String username, String path) {
		BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 800)
			.setIsMobile(true)
			.setHasTouch(true));
		try {
			Page page = context.newPage();
			if (username != null) {
				ui.signIn(page, username);
			}
			CDPSession cdp = context.newCDPSession(page);
			cdp.send("Network.enable");
			cdp.send("Network.clearBrowserCache");
			JsonObject conditions = new JsonObject();
			conditions.addProperty("offline", false);
			conditions.addProperty("latency", 400);
			conditions.addProperty("downloadThroughput", 50_000);
			conditions.addProperty("uploadThroughput", 50_000);
			cdp.send("Network.emulateNetworkConditions", conditions);
			AtomicLong bytes = new AtomicLong();
			List<String> urls = new ArrayList<>();
			cdp.on("Network.loadingFinished", e -> bytes.addAndGet(e.get("encodedDataLength").getAsLong()));
			cdp.on("Network.requestWillBeSent", e -> urls.add(e.getAsJsonObject("request").get("url").getAsString()));
			page.navigate(ui.url(path));
			page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
			Number paint = (Number) page.evaluate("() => { const p = performance.getEntriesByType('paint')"
					+ ".find(e => e.name === 'first-paint'); return p ? p.startTime : -1; }");
			cdp.detach();
			return new Weight(path, bytes.get(), paint.longValue(), List.copyOf(urls));
		}
		finally {
			context.close();
		}
	}

	record Weight(String path, long bytes, long firstPaintMillis, List<String> requests) {

		@Override
		public String toString() {
			return String.format("%s: %.1f KB in %d requests, first paint %d ms", path, bytes / 1024.0, requests.size(),
					firstPaintMillis);
		}
	}
}
