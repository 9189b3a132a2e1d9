package kz.oqytu.browser;

import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** axe-core finds no serious or critical problem on the main pages; phones never scroll sideways. */
@BrowserTest
class AccessibilityTests {

	@LocalServerPort
	int port;

	private Ui ui;

	@BeforeEach
	void setUp() {
		ui = new Ui(port);
	}

	@Test
	void theLoginPageHasNoSeriousAccessibilityProblems(Browser browser) {
		Page page = ui.desktop(browser);
		page.navigate(ui.url("/login"));
		ui.screenshot(page, "login");
		assertThat(ui.seriousViolations(page)).isEmpty();
	}

	@Test
	void staffPagesHaveNoSeriousAccessibilityProblems(Browser browser) {
		Page page = ui.desktop(browser);
		ui.signIn(page, "methodologist");
		page.navigate(ui.url("/events?year=2025"));
		String event = page.getAttribute("#event-table tbody tr:first-child td a", "href");
		for (String path : List.of("/dashboard?year=2025", event, "/reports/coverage?year=2025", event + "/survey",
				event + "/survey/results", "/surveys/results?year=2025", "/organizations", "/budget?year=2025", "/reports/monitoring?year=2025",
				// forms written with the field fragments (issue #21): labels, hints and errors named by aria-describedby
				"/events/new", event + "/edit", "/organizations/new", "/materials/new", "/surveys/interviews/new", "/resolutions/new")) {
			page.navigate(ui.url(path));
			String name = path.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
			ui.screenshot(page, "page-" + name);
			assertThat(ui.seriousViolations(page)).as(path).isEmpty();
		}
	}

	@Test
	void thePublicSurveyWorksAt360PixelsWithoutSidewaysScrolling(Browser browser) {
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
		Page phone = ui.phone(staff.context().browser(), 360, 740);
		phone.navigate(ui.url(link.substring(link.indexOf("/s/"))));
		ui.screenshot(phone, "survey-360");
		assertThat(ui.scrollsSideways(phone)).isFalse();
		assertThat(ui.seriousViolations(phone)).isEmpty();
		phone.navigate(ui.url("/s"));
		assertThat(ui.scrollsSideways(phone)).isFalse();
		assertThat(ui.seriousViolations(phone)).isEmpty();
	}

	@Test
	void theChairsPagesWorkAt360PixelsWithoutSidewaysScrolling(Browser browser) {
		Page phone = ui.phone(browser, 360, 740);
		ui.signIn(phone, "chair");
		ui.screenshot(phone, "chair-360");
		assertThat(ui.scrollsSideways(phone)).isFalse();
		assertThat(ui.seriousViolations(phone)).isEmpty();
	}
}
