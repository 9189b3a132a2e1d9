package kz.oqytu.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The methodologist at an office screen of 1280 px reads the topics written under "other" (issue
 * #16, item 4), maps one to a catalogue topic, sees it counted there in the demand, and removes the
 * mapping again; in Kazakh and Russian, no page wider than the window.
 */
@BrowserTest
class SurveyOtherTopicsJourneyTests {

	private static final String PSYCHOLOGY = "Психологиялық қолдау";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Ui ui;

	@BeforeEach
	void setUp() {
		ui = new Ui(port);
	}

	private Locator row(Page page) {
		return page.locator("#other-topics tr.other-topic", new Page.LocatorOptions().setHasText(PSYCHOLOGY)).first();
	}

	private long communication(Page page) {
		String cell = page.locator("#demand-by-category tbody tr", new Page.LocatorOptions().setHasText("Эффективная коммуникация"))
			.first().locator("td").first().textContent();
		return Long.parseLong(cell.replaceAll("\\D", ""));
	}

	/**
	 * Whether this part's content is wider than the window. The navigation bar's own overflow in kk/ru
	 * at 1280 px is another item of issue #16 (item 7), so only the content is checked here.
	 */
	private static void contentFits(Page page, String what) {
		// elements of the page's content reaching past the window's right edge (a wide table inside its
		// own scrolling box does not count)
		String offenders = (String) page.evaluate("""
				() => [...document.querySelectorAll('main *')]
				  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-responsive'))
				  .slice(0, 6).map(e => e.tagName + '#' + e.id + '.' + e.className).join(' | ')
				""");
		assertThat(offenders).as(what + ": content wider than the window").isEmpty();
	}

	@Test
	void mapsATextWrittenUnderOtherAndSeesItCountUnderTheTopic(Browser browser) {
		Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)).newPage();
		ui.signIn(page, "methodologist");

		page.navigate(ui.url("/surveys/demand?year=2025&lang=ru"));
		long before = communication(page);
		assertThat(page.locator("#other-topics-summary")).containsText("Тексты, вписанные в «другое»");
		contentFits(page, "demand, ru, 1280");
		ui.screenshot(page, "survey-demand-ru-1280");

		page.navigate(ui.url("/surveys/other-topics?year=2025&lang=kk"));
		assertThat(page.locator("h1")).hasText("2025 жылғы сауалнамалардағы «басқа» тақырыптар");
		assertThat(row(page).locator(".not-mapped")).isVisible();
		long answers = Long.parseLong(row(page).locator("td.num").textContent().replaceAll("\\D", ""));
		assertThat(answers).isPositive();
		contentFits(page, "other topics, kk, 1280");
		// the sign-out button pushed out of the dark navigation bar in kk (item 7) is not this page's
		assertThat(ui.seriousViolations(page)).filteredOn(v -> !v.contains(".btn-outline-light")).isEmpty();
		ui.screenshot(page, "survey-other-topics-kk-1280");

		row(page).locator("select[name=topic]").selectOption("COMMUNICATION");
		row(page).locator("form[action$='/map'] button").click();
		page.waitForLoadState();
		assertThat(page.locator(".alert-success")).containsText("тақырыпқа байланыстырылды");
		assertThat(row(page).locator(".mapped-topic")).hasText("Тиімді коммуникация");

		page.navigate(ui.url("/surveys/demand?year=2025&lang=ru"));
		// more wishes of the topic: those who wrote the text and had not ticked the topic besides
		assertThat(communication(page)).isGreaterThan(before).isLessThanOrEqualTo(before + answers + 4 * 100);

		page.navigate(ui.url("/surveys/other-topics?year=2025&lang=ru"));
		assertThat(row(page).locator(".mapped-topic")).hasText("Эффективная коммуникация");
		contentFits(page, "other topics, ru, 1280");
		ui.screenshot(page, "survey-other-topics-ru-1280");

		Long event = jdbc.sql("""
				select s.event_id from survey_answer a join survey_response r on r.id = a.response_id
				join event_survey s on s.id = r.event_survey_id
				where a.option_code = 'OTHER' and a.text_value is not null and not r.flagged
				group by s.event_id order by count(*) desc, s.event_id limit 1
				""").query(Long.class).single();
		for (String lang : new String[] { "kk", "ru" }) {
			page.navigate(ui.url("/events/" + event + "/survey/results?lang=" + lang));
			Locator texts = page.locator("#results-POST_EVENT details.other-texts");
			if (texts.count() > 0) {
				texts.locator("summary").click();
			}
			ui.screenshot(page, "survey-event-results-" + lang + "-1280");
			contentFits(page, "event results, " + lang + ", 1280");
		}

		page.navigate(ui.url("/surveys/other-topics?year=2025&lang=ru"));
		row(page).locator("form[action$='/unmap'] button").click();
		page.waitForLoadState();
		assertThat(page.locator(".alert-success")).containsText("снова учитываются как «другое»");
		assertThat(row(page).locator(".not-mapped")).isVisible();
		page.navigate(ui.url("/surveys/demand?year=2025&lang=ru"));
		assertThat(communication(page)).isEqualTo(before);
	}
}
