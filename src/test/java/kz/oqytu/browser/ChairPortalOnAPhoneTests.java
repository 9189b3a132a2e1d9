package kz.oqytu.browser;

import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chair's portal on a 360×800 phone (issue 19, part 6): their own school plan comes first, within
 * the first screen, and the other sections fold away and open on a tap. Prints the page's height and
 * where the plan starts, in screens, for kk and ru.
 */
@BrowserTest
class ChairPortalOnAPhoneTests {

	private static final int WIDTH = 360;

	private static final int HEIGHT = 800;

	@LocalServerPort
	int port;

	private Ui ui;

	@BeforeEach
	void setUp() {
		ui = new Ui(port);
	}

	/** The survey link is copied with one click, and the page says so. */
	@Test
	void theMethodologistCopiesTheSurveyLink(Browser browser) {
		com.microsoft.playwright.BrowserContext context = browser.newContext(new Browser.NewContextOptions()
			.setViewportSize(1366, 768));
		context.grantPermissions(java.util.List.of("clipboard-read", "clipboard-write"));
		Page page = context.newPage();
		ui.signIn(page, "methodologist");
		page.navigate(ui.url("/events?year=2025"));
		String event = page.getAttribute("#event-table tbody tr:first-child td a", "href");
		page.navigate(ui.url(event + "/survey?lang=ru"));
		Locator share = page.locator("#survey-POST_EVENT [data-share]");
		String url = share.getAttribute("data-share-url");
		assertThat(url).matches("http://localhost:8080/s/[A-Za-z0-9_-]{22}");
		share.locator("[data-share-copy]").click();
		assertThat(share.locator("[data-share-status]")).hasText("Ссылка скопирована");
		assertThat(page.evaluate("() => navigator.clipboard.readText()")).isEqualTo(url);
		assertThat(share.locator("[data-share-link=telegram]").getAttribute("href")).startsWith("https://t.me/share/url?url=" + url);
		context.close();
	}

	@Test
	@SuppressWarnings("unchecked")
	void theChairSeesTheirPlanFirstAndOpensTheFoldedSections(Browser browser) {
		Page phone = ui.phone(browser, WIDTH, HEIGHT);
		ui.signIn(phone, "chair");
		assertThat(phone).hasURL(Pattern.compile(".*/organizations/\\d+/portal$"));
		String portal = phone.url();
		java.util.List<Double> starts = new java.util.ArrayList<>();
		for (String lang : new String[] { "kk", "ru" }) {
			// The demo's school plans are those of 2025 and 2026, whatever the date the suite runs on.
			phone.navigate(portal + "?year=2026&lang=" + lang);
			Map<String, Object> m = (Map<String, Object>) phone.evaluate("""
					() => ({ height: document.documentElement.scrollHeight,
					         plan: document.querySelector('#portal-school-plan').getBoundingClientRect().top + window.scrollY })
					""");
			double height = ((Number) m.get("height")).doubleValue();
			double plan = ((Number) m.get("plan")).doubleValue();
			System.out.printf("PORTAL-MEASURE %s %dx%d: height %.0f px (%.1f screens), school plan starts at %.0f px (%.2f screens)%n",
					lang, WIDTH, HEIGHT, height, height / HEIGHT, plan, plan / HEIGHT);
			starts.add(plan);
			assertThat(phone.locator("#portal-school-plan li")).not().hasCount(0);
			assertThat(ui.scrollsSideways(phone)).isFalse();
		}
		assertThat(starts).as("the plan starts on the first screen (kk, ru)").allMatch(p -> p < HEIGHT * 0.6);
		ui.screenshot(phone, "chair-portal-360");

		// The sections after the plan are folded; a tap on a heading opens one, another tap folds it again.
		Locator events = phone.locator("details#portal-events");
		assertThat(events).hasCount(1);
		assertThat(events).not().hasAttribute("open", "");
		Locator firstEvent = events.locator("li").first();
		assertThat(firstEvent).isHidden();
		events.locator("summary").tap();
		assertThat(events).hasAttribute("open", "");
		assertThat(firstEvent).isVisible();
		events.locator("summary").tap();
		assertThat(firstEvent).isHidden();
		for (String id : new String[] { "portal-requests", "portal-regional-plan", "portal-surveys" }) {
			assertThat(phone.locator("details#" + id + ":not([open]) > summary")).hasCount(1);
		}
		// What is due stays in reach: the materials to acknowledge are open, the figures stay visible below the plan.
		assertThat(phone.locator("details#portal-materials[open]")).hasCount(1);
		assertThat(phone.locator("#portal-trained")).isVisible();
		assertThat(phone.locator("#portal-school-plan").boundingBox().y)
			.isLessThan(phone.locator("#portal-materials").boundingBox().y)
			.isLessThan(phone.locator("#portal-figures").boundingBox().y);
		assertThat(ui.seriousViolations(phone)).isEmpty();
		// Tap targets of the summaries are at least 44 px tall.
		for (Locator summary : phone.locator("details.portal-section > summary").all()) {
			assertThat(summary.boundingBox().height).isGreaterThanOrEqualTo(44);
		}
	}
}
