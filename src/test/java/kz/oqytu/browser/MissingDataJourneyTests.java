package kz.oqytu.browser;

import java.time.Clock;
import java.time.LocalDate;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, part 3, as the executive sees it at 1366 px in Kazakh and Russian: a year without its
 * 01.01 snapshot reads "no data" with no change beside it, the current year "provisional" with the
 * date of the snapshot it is counted against, and the table fits the window.
 */
@BrowserTest
class MissingDataJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	private Ui ui;

	@BeforeEach
	void setUp() {
		ui = new Ui(port);
	}

	@Test
	void yearsWithoutASnapshotSayNoDataAndTheCurrentYearIsProvisional(Browser browser) {
		int now = LocalDate.now(clock).getYear();
		Page page = ui.desktop(browser);
		ui.signIn(page, "executive");
		for (String lang : new String[] { "kk", "ru" }) {
			String noData = lang.equals("kk") ? "деректер жоқ" : "нет данных";
			String provisional = lang.equals("kk") ? "алдын ала" : "предварительно";

			page.navigate(ui.url("/reports/coverage?year=2024&lang=" + lang));
			assertThat(page.locator("#row-members td.num")).hasText(new String[] { noData, "33 468", "—" });
			assertThat(page.locator("#row-trained td.num")).hasText(new String[] { noData, "5 673", "—" });
			assertThat(page.locator("#row-share td.num")).hasText(new String[] { noData, "16,9%", "—" });
			assertThat(page.locator("#row-events td.num")).hasText(new String[] { noData, "29", "—" });
			fits(page);
			ui.screenshot(page, "missing-2024-" + lang);

			page.navigate(ui.url("/reports/coverage?year=2026&lang=" + lang));
			assertThat(page.locator("#row-members td.num").first()).hasText("33 557");
			assertThat(page.locator("#row-members td.num").nth(2)).hasText("—");
			if (now > 2026) {
				assertThat(page.locator("#row-members td.num").nth(1)).hasText(noData);
				assertThat(page.locator("#row-share td.num").nth(1)).hasText(noData);
			}
			else {
				assertThat(page.locator("#coverage-table thead th").nth(3)).containsText(provisional);
				assertThat(page.locator("#row-members td.num").nth(1)).containsText("33 557");
				assertThat(page.locator("#row-members td.num").nth(1)).containsText("01.01.2026");
				assertThat(page.locator("#provisional-note")).containsText("01.01.2026");
			}
			fits(page);
			ui.screenshot(page, "missing-2026-" + lang);

			page.navigate(ui.url("/reports/coverage?year=2027&lang=" + lang));
			assertThat(page.locator("#row-members td.num").nth(2)).hasText("—");
			if (now == 2027) {
				assertThat(page.locator("#row-members td.num").first()).hasText(noData);
				assertThat(page.locator("#coverage-table thead th").nth(3)).containsText(provisional);
				assertThat(page.locator("#row-members td.num").nth(1)).containsText("01.01.2026");
				// districts counted against the same snapshot, and saying so
				assertThat(page.locator("#by-district")).containsText("01.01.2026");
			}
			else {
				assertThat(page.locator("#coverage-table thead th").nth(2)).containsText(provisional);
				assertThat(page.locator("#row-members td.num").nth(1)).hasText(noData);
				assertThat(page.locator("#row-share td.num").nth(1)).hasText(noData);
				// no district has 01.01.2028 either
				assertThat(page.locator("#by-district")).containsText(noData);
			}
			fits(page);
			assertThat(ui.seriousViolations(page)).isEmpty();
			ui.screenshot(page, "missing-2027-" + lang);

			page.navigate(ui.url("/dashboard?year=2024&lang=" + lang));
			assertThat(page.locator("#figures")).containsText(noData);
			fits(page);
			ui.screenshot(page, "missing-dashboard-2024-" + lang);
		}
	}

	/**
	 * The words "no data" and the provisional marks widen no cell beyond the window: the report's table
	 * needs no sideways scrolling, and the dashboard's cards stay within the page.
	 */
	private static void fits(Page page) {
		Object overflow = page.evaluate("() => { const t = document.querySelector('#coverage-table, #figures');"
				+ " const box = t.id === 'figures' ? t : t.parentElement;"
				+ " return Math.max(box.scrollWidth - box.clientWidth, t.getBoundingClientRect().right - window.innerWidth); }");
		assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
	}
}
