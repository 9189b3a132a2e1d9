package kz.oqytu.browser;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #15, item 10 (ASVS V14.4.3): with a Content-Security-Policy that allows no inline style
 * ({@code style-src 'self'}), the key pages in a real Chromium report no policy violation, neither
 * while loading nor while their scripts run (Bootstrap's dropdown, Chart.js's charts, htmx's swaps),
 * and still look right (screenshots {@code target/screenshots/csp-*.png}).
 */
@BrowserTest
class ContentSecurityPolicyTests {

	/** Records every violation the page reports, before any of its own scripts runs. */
	private static final String LISTEN = "window.__violations = [];"
			+ "document.addEventListener('securitypolicyviolation', e => window.__violations.push("
			+ "e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Ui ui;

	@BeforeEach
	void setUp() {
		ui = new Ui(port);
	}

	@Test
	void theStaffPagesRunWithoutAnyPolicyViolation(Browser browser) {
		Page page = watched(ui.desktop(browser));
		List<String> problems = problems(page);
		checkedNavigate(page, "/login");
		ui.screenshot(page, "csp-login");
		ui.signIn(page, "methodologist");

		long withAnswers = jdbc.sql("select s.event_id from event_survey s join survey_response r on r.event_survey_id = s.id"
				+ " group by s.event_id order by count(*) desc limit 1").query(Long.class).single();
		for (String path : List.of("/dashboard?year=2025", "/events?year=2025", "/reports/coverage?year=2025",
				"/events/" + withAnswers, "/events/" + withAnswers + "/survey/results", "/budget?year=2025")) {
			checkedNavigate(page, path);
			page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
			String name = path.replaceAll("\\?.*", "").replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
			ui.screenshot(page, "csp-" + name);
			assertThat(violations(page)).as(path).isEmpty();
		}
		page.navigate(ui.url("/dashboard?year=2025"));
		assertThat(page.locator("canvas").count()).as("the dashboard's charts").isPositive();
		assertThat((Boolean) page.evaluate("() => [...document.querySelectorAll('canvas')].every(c => c.width > 0)"))
			.as("Chart.js drew its canvases (sized through the CSSOM, which the policy allows)").isTrue();
		// Bootstrap's dropdown (Popper positions it through the CSSOM).
		page.click("nav .dropdown-toggle >> nth=0");
		assertThat(page.locator("nav .dropdown-menu.show").count()).isEqualTo(1);
		ui.screenshot(page, "csp-dashboard-dropdown");
		assertThat(violations(page)).isEmpty();

		page.navigate(ui.url("/events/" + withAnswers + "/survey/results"));
		assertThat(page.locator(".bar-fill rect").count()).as("the answer bars").isPositive();
		// Each bar's drawn width is its share of the track, as the inline style used to make it.
		assertThat((Boolean) page.evaluate("() => [...document.querySelectorAll('.bar-fill rect')].every(r => Math.abs("
				+ "r.getBoundingClientRect().width / r.ownerSVGElement.getBoundingClientRect().width"
				+ " - parseFloat(r.getAttribute('width')) / 100) < 0.01)")).as("bars as wide as their shares").isTrue();
		assertThat(((Number) page.evaluate("() => Math.max(...[...document.querySelectorAll('.bar-fill rect')]"
				+ ".map(r => r.getBoundingClientRect().width))")).doubleValue()).isGreaterThan(10.0);
		assertThat(problems).isEmpty();
	}

	@Test
	void thePublicSurveyRunsWithoutAnyPolicyViolation(Browser browser) {
		Page staff = ui.desktop(browser);
		ui.signIn(staff, "methodologist");
		staff.navigate(ui.url("/events?year=2025&sort=DATE&desc=true"));
		staff.click("#event-table tbody tr:first-child td a");
		staff.waitForLoadState();
		staff.navigate(staff.url() + "/survey");
		if (staff.locator("#survey-POST_EVENT form[action$='/survey/open'] button").count() > 0) {
			staff.click("#survey-POST_EVENT form[action$='/survey/open'] button");
			staff.waitForLoadState();
		}
		String link = staff.locator("#survey-POST_EVENT dd a").textContent().trim();

		Page phone = watched(ui.phone(browser, 390, 844));
		List<String> problems = problems(phone);
		checkedNavigate(phone, link.substring(link.indexOf("/s/")));
		// The organization question's suggestions (js/survey.js, no htmx on the survey: issue #19).
		if (phone.locator("input[list=organization-names]").count() > 0) {
			phone.waitForResponse(r -> r.url().contains("/organizations"),
					() -> phone.fill("input[list=organization-names]", "Ақтөбе"));
			phone.waitForTimeout(200);
			assertThat(phone.locator("#organization-names option").count()).as("suggested names").isPositive();
			assertThat(phone.locator("style").count()).as("no <style> injected").isZero();
		}
		ui.screenshot(phone, "csp-survey");
		assertThat(violations(phone)).isEmpty();
		checkedNavigate(phone, "/s");
		assertThat(violations(phone)).isEmpty();
		assertThat(problems).isEmpty();
	}

	private static Page watched(Page page) {
		page.context().addInitScript(LISTEN);
		return page;
	}

	/** Console errors (Chromium reports refused inline styles there too) and failed requests. */
	private static List<String> problems(Page page) {
		List<String> problems = new ArrayList<>();
		page.onConsoleMessage(m -> {
			if ("error".equals(m.type()) || m.text().contains("Content Security Policy")) {
				problems.add(m.text());
			}
		});
		page.onPageError(e -> problems.add("page error: " + e));
		return problems;
	}

	@SuppressWarnings("unchecked")
	private static List<String> violations(Page page) {
		return (List<String>) page.evaluate("() => window.__violations || []");
	}

	private void checkedNavigate(Page page, String path) {
		Response response = page.navigate(ui.url(path));
		assertThat(response.status()).as(path).isEqualTo(200);
		String policy = response.headerValue("content-security-policy");
		assertThat(policy).as(path).contains("style-src 'self';").doesNotContain("unsafe-inline");
	}
}
