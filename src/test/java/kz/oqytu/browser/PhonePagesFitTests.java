package kz.oqytu.browser;

import java.time.Clock;
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
 * Every page a participant or a chair opens fits a 360×800 phone in Kazakh and Russian (issue #19):
 * nothing scrolls sideways, and every visible control is a target of at least 44 × 44 CSS pixels.
 *
 * <p>The target rule (WCAG 2.5.5, target size, with its "inline" exception): links, buttons, form
 * fields, radio and checkbox labels and menu items are measured by the larger of their own box and
 * the box of the label that wraps them (a radio's label is its target). A link inside running text
 * (a paragraph, a table cell or a list item with more text than the link) is exempt, as WCAG exempts
 * it; so is a control that is hidden, a skip link until it gets focus, and an input inside a label
 * that is itself measured.
 */
@BrowserTest
class PhonePagesFitTests {

	static final int WIDTH = 360;

	static final int HEIGHT = 800;

	static final int TARGET = 44;

	/** Page width, the outermost elements sticking out, and targets smaller than 44 px. */
	static final String MEASURE = """
			({ target, width }) => {
			  // the phone's width, not innerWidth: a mobile browser zooms out to show a page wider than itself
			  const w = width;
			  const clipped = e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
			      if (getComputedStyle(a).overflowX !== 'visible') return true; } return false; };
			  const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined
			      ? '.' + String(e.className).trim().split(/\\s+/).join('.') : '');
			  const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1
			      && getComputedStyle(e).position !== 'fixed' && !clipped(e));
			  let outer = wide.filter(e => !wide.includes(e.parentElement)).slice(0, 4)
			      .map(e => name(e) + ' ' + Math.round(e.getBoundingClientRect().right));
			  if (!outer.length) outer = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1)
			      .slice(0, 6).map(e => 'inside ' + name(e) + ' ' + Math.round(e.getBoundingClientRect().right));
			  const visible = e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
			      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
			  const inRunningText = e => {
			      if (e.tagName !== 'A') return false;
			      const block = e.closest('p, td, th, li, dd, small, .form-text');
			      return block && block.textContent.trim().length > e.textContent.trim().length;
			  };
			  const small = [];
			  for (const e of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, label')) {
			      if (e.tagName === 'LABEL' && !e.querySelector('input, select, textarea')) continue;
			      if (e.closest('label') && e.tagName !== 'LABEL') continue;
			      if (e.classList.contains('visually-hidden-focusable') || !visible(e) || inRunningText(e)) continue;
			      const r = e.getBoundingClientRect();
			      let h = r.height, wd = r.width;
			      const label = e.id ? document.querySelector('label[for="' + e.id + '"]') : null;
			      if ((e.type === 'radio' || e.type === 'checkbox') && label && visible(label)) {
			          const l = label.getBoundingClientRect(); h = Math.max(h, l.height); wd = Math.max(wd, l.width); }
			      if (h < target - 0.5 || wd < target - 0.5) small.push(name(e) + ' "' + (e.textContent || e.value || e.name || '')
			          .trim().slice(0, 24) + '" ' + Math.round(wd) + '×' + Math.round(h));
			  }
			  return { scroll: document.documentElement.scrollWidth, inner: w, outer: outer.join(', '), small: small.slice(0, 30) };
			}""";

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
	void theParticipantsPagesFitA360PixelPhoneInKazakhAndRussian(Browser browser) {
		String token = PhonePages.openSurvey(jdbc, clock);
		List<String> problems = new ArrayList<>();
		for (String lang : new String[] { "kk", "ru" }) {
			Page phone = phone(browser);
			problems.addAll(check(phone, "participant " + lang, List.of("/login", "/password/forgot", "/password/forgot/sent", "/s", "/s/" + token), lang));
			problems.addAll(check(phone, "participant " + lang, List.of("/s/" + token + "/thanks"), lang));
			// The survey's header keeps its language and help links on one line: the form starts near the top.
			phone.navigate(ui.url("/s/" + token + "?lang=" + lang));
			double header = ((Number) phone.evaluate("() => document.querySelector('header').getBoundingClientRect().height")).doubleValue();
			if (header > 80) {
				problems.add("participant " + lang + " /s/{token}: the header is " + header + " px tall (its links wrap)");
			}
			phone.context().close();
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void theChairsPagesFitA360PixelPhoneInKazakhAndRussian(Browser browser) {
		long org = PhonePages.chairOrganization(jdbc);
		int year = java.time.LocalDate.now(clock).getYear();
		long material = one("select min(d.material_id) from material_delivery d where d.org_unit_id = " + org);
		Long request = jdbc.sql("select min(id) from topic_request where organization_id = " + org).query(Long.class).single();
		List<String> pages = new ArrayList<>(List.of("/", "/organizations/" + org + "/portal", "/organizations/" + org,
				"/surveys/organizations/" + org, "/materials", "/materials/sent", "/materials/" + material,
				"/schools/" + org + "/" + year, "/schools/" + org + "/" + year + "/items/new", "/requests",
				"/requests/new", "/budget/bodies/" + org, "/account/password"));
		if (request != null) {
			pages.add("/requests/" + request);
		}
		List<String> problems = new ArrayList<>();
		for (String lang : new String[] { "kk", "ru" }) {
			Page phone = phone(browser);
			ui.signIn(phone, "chair");
			problems.addAll(check(phone, "chair " + lang, pages, lang));
			// the open menu, with the name and the role badge
			phone.navigate(ui.url("/organizations/" + org + "/portal?lang=" + lang));
			phone.click(".navbar-toggler");
			phone.waitForSelector("#mainNav.show");
			phone.waitForTimeout(400);
			problems.addAll(measure(phone, "chair " + lang + " open menu"));
			ui.screenshot(phone, "phone-" + lang + "-menu");
			phone.context().close();
		}
		assertThat(problems).isEmpty();
	}

	private Page phone(Browser browser) {
		return ui.phone(browser, WIDTH, HEIGHT);
	}

	private List<String> check(Page page, String who, List<String> paths, String lang) {
		List<String> problems = new ArrayList<>();
		for (String path : paths) {
			Response response = page.navigate(ui.url(path + (path.contains("?") ? "&" : "?") + "lang=" + lang));
			String at = who + " " + path;
			if (response == null || response.status() != 200) {
				problems.add(at + ": status " + (response == null ? "none" : response.status()));
				continue;
			}
			problems.addAll(measure(page, at));
			ui.screenshot(page, "phone-" + lang + path.replaceAll("[^a-z0-9]+", "-"));
		}
		return problems;
	}

	@SuppressWarnings("unchecked")
	private List<String> measure(Page page, String at) {
		List<String> problems = new ArrayList<>();
		Map<String, Object> m = (Map<String, Object>) page.evaluate(MEASURE, Map.of("target", TARGET, "width", WIDTH));
		int scroll = ((Number) m.get("scroll")).intValue();
		if (scroll > WIDTH) {
			problems.add(at + ": " + scroll + " px wide (" + m.get("outer") + ")");
		}
		List<String> small = (List<String>) m.get("small");
		if (!small.isEmpty()) {
			problems.add(at + ": targets under " + TARGET + " px: " + small);
		}
		return problems;
	}

	private long one(String sql) {
		Long value = jdbc.sql(sql).query(Long.class).single();
		assertThat(value).as(sql).isNotNull();
		return value;
	}
}
