package kz.oqytu.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every staff page fits an office screen: at 1280 and 1366 px wide, in Kazakh, Russian and English,
 * no page is wider than its window and the sign-out button is whole inside it. The pages are the
 * staff GET routes of the controllers that render HTML (downloads, option lists and panels aside).
 */
@BrowserTest
class StaffPagesFitTheScreenTests {

	private static final int[] WIDTHS = { 1280, 1366 };

	private static final String[] LANGUAGES = { "kk", "ru", "en" };

	/** What sticks out past the window's right edge: the outermost such elements, as tag#id.class. */
	private static final String MEASURE = """
			() => {
			  const w = window.innerWidth;
			  const clipped = e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
			      if (getComputedStyle(a).overflowX !== 'visible') return true; } return false; };
			  const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1
			      && getComputedStyle(e).position !== 'fixed' && !clipped(e));
			  const outer = wide.filter(e => !wide.includes(e.parentElement)).slice(0, 4)
			      .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined
			          ? '.' + String(e.className).trim().split(/\\s+/).join('.') : '') + ' ' + Math.round(e.getBoundingClientRect().right));
			  const out = document.querySelector('form[action$="/logout"] button');
			  const box = out ? out.getBoundingClientRect() : null;
			  return { scroll: document.documentElement.scrollWidth, inner: w, outer: outer.join(', '),
			      signOut: box ? (box.left >= 0 && box.right <= w && box.width > 0) : null };
			}""";

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
	void everyMethodologistPageFitsAt1280And1366InEveryLanguage(Browser browser) {
		assertThat(overflows(browser, "methodologist", methodologistPages())).isEmpty();
	}

	@Test
	void everyAdministratorAndExecutivePageFitsAt1280And1366InEveryLanguage(Browser browser) {
		List<String> problems = new ArrayList<>(overflows(browser, "admin", List.of("/admin/users", "/admin/users/new",
				"/admin/users/" + one("select min(id) from app_user") + "/edit", "/admin/audit", "/admin/outbox", "/admin/reminders", "/account/notifications", "/budget/norms",
				"/budget/norms/" + one("select min(id) from budget_norm") + "/edit", "/dashboard", "/account/password",
				"/help", "/help/methodologist", "/help/admin", "/help/executive",
				// issue 17: the region picker (an administrator at the root has one) and the regions page
				"/reports/coverage?year=2025", "/reports/monitoring?year=2025", "/admin/regions", "/organizations/import")));
		problems.addAll(overflows(browser, "executive", List.of("/reports/coverage?year=2025", "/dashboard?year=2025",
				"/reports/monitoring?year=2025", "/budget?year=2025", "/plans/2026", "/resolutions")));
		assertThat(problems).isEmpty();
	}

	/**
	 * Issue #17: the region picker, with the union's long regional names, fits a 360 px phone and a
	 * 1280 px screen on the three pages that carry it: it never reaches past the window's right edge.
	 */
	@Test
	void theRegionPickerFitsAt360And1280(Browser browser) {
		List<String> problems = new ArrayList<>();
		for (int width : new int[] { 360, 1280 }) {
			BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 800));
			Page page = context.newPage();
			ui.signIn(page, "admin");
			for (String lang : LANGUAGES) {
				for (String path : List.of("/dashboard?year=2025", "/reports/coverage?year=2025", "/reports/monitoring?year=2025")) {
					page.navigate(ui.url(path + "&lang=" + lang));
					Object right = page.evaluate("() => { const p = document.getElementById('region-picker');"
							+ " return p ? Math.max(...[p, ...p.querySelectorAll('*')].map(e => e.getBoundingClientRect().right)) : -1; }");
					double r = ((Number) right).doubleValue();
					if (r < 0) {
						problems.add(width + "px " + lang + " " + path + ": no region picker");
					}
					else if (r > width + 1) {
						problems.add(width + "px " + lang + " " + path + ": the picker reaches " + Math.round(r) + " px");
					}
				}
			}
			ui.screenshot(page, "region-picker-" + width);
			context.close();
		}
		assertThat(problems).isEmpty();
	}

	/** The staff GET routes that render a page, with real ids from the demo data. */
	private List<String> methodologistPages() {
		long orgA = one("select scope_unit_id from app_user where username = 'chair'");
		long event = one("select event_id from event_participant group by event_id order by count(*) desc limit 1");
		String ev = "/events/" + event;
		long material = one("select min(material_id) from material_delivery");
		long planItem = one("select min(i.id) from plan_item i join training_plan p on p.id = i.plan_id where p.year = 2026");
		long resolution = one("select min(id) from resolution");
		long task = one("select min(id) from resolution_task where resolution_id = " + resolution);
		long campaign = one("select min(id) from request_campaign");
		long request = one("select min(id) from topic_request");
		long questionnaire = one("select min(id) from questionnaire");
		long interview = one("select min(id) from interview");
		return List.of("/dashboard", "/dashboard?year=2025", "/events", "/events?year=2025", "/events/calendar",
				"/events/new", ev, ev + "/edit", ev + "/participants", ev + "/survey", ev + "/survey/results",
				"/surveys/results", "/surveys/demand", "/surveys/interviews", "/surveys/interviews/new",
				"/surveys/interviews/" + interview, "/surveys/interviews/" + interview + "/edit",
				"/surveys/organizations/" + orgA, "/surveys/questionnaires", "/surveys/questionnaires/" + questionnaire,
				"/surveys/questionnaires/" + questionnaire + "/edit", "/materials", "/materials/new",
				"/materials/" + material, "/materials/" + material + "/edit", "/materials/" + material + "/versions/new",
				"/materials/" + material + "/distribute", "/materials/" + material + "/register", "/plans", "/plans/2026",
				"/plans/2026/review", "/plans/2026/items/new", "/plans/2026/items/" + planItem,
				"/plans/2026/items/" + planItem + "/edit", "/schools", "/schools/" + orgA + "/2026", "/requests",
				"/requests/" + request, "/requests/demand", "/requests/campaigns", "/requests/campaigns/" + campaign,
				"/requests/campaigns/" + campaign + "/edit", "/resolutions", "/resolutions/new", "/resolutions/" + resolution,
				"/resolutions/" + resolution + "/edit", "/resolutions/" + resolution + "/tasks/new",
				"/resolutions/" + resolution + "/tasks/" + task + "/edit", "/reports/coverage?year=2025",
				"/reports/monitoring?year=2025", "/budget", "/budget?year=2025", "/budget/bodies/" + orgA,
				"/budget/bodies/" + orgA + "/2026/edit", "/budget/import", "/organizations", "/organizations/districts",
				"/organizations/new", "/organizations/" + orgA, "/organizations/" + orgA + "/edit",
				"/organizations/" + orgA + "/portal", "/organizations/import", "/account/password");
	}

	private List<String> overflows(Browser browser, String username, List<String> paths) {
		List<String> problems = new ArrayList<>();
		for (int width : WIDTHS) {
			BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 768));
			Page page = context.newPage();
			ui.signIn(page, username);
			for (String lang : LANGUAGES) {
				for (String path : paths) {
					Response response = page.navigate(ui.url(path + (path.contains("?") ? "&" : "?") + "lang=" + lang));
					String at = username + " " + width + "px " + lang + " " + path;
					if (response == null || response.status() != 200) {
						problems.add(at + ": status " + (response == null ? "none" : response.status()));
						continue;
					}
					@SuppressWarnings("unchecked")
					Map<String, Object> m = (Map<String, Object>) page.evaluate(MEASURE);
					int scroll = ((Number) m.get("scroll")).intValue();
					if (scroll > width) {
						problems.add(at + ": " + scroll + " px wide (" + m.get("outer") + ")");
					}
					if (Boolean.FALSE.equals(m.get("signOut"))) {
						problems.add(at + ": the sign-out button is cut off");
					}
					else if (m.get("signOut") == null) {
						problems.add(at + ": no sign-out button");
					}
				}
			}
			ui.screenshot(page, "fit-" + username + "-" + width);
			context.close();
		}
		return problems;
	}

	private long one(String sql) {
		Long value = jdbc.sql(sql).query(Long.class).single();
		assertThat(value).as(sql).isNotNull();
		return value;
	}
}
