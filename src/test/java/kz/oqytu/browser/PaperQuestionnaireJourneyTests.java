package kz.oqytu.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The methodologist types two filled paper questionnaires at an office screen with the keyboard only
 * (issue #20, part 4): each save opens the next empty sheet with the first question focused, a wrong
 * rating is refused in Russian and corrected without the mouse, and the event's results count both
 * sheets and show their share.
 */
@BrowserTest
class PaperQuestionnaireJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Ui ui;

	@BeforeEach
	void setUp() {
		ui = new Ui(port);
	}

	private static long count(Page page, String selector) {
		return Long.parseLong(page.locator(selector).first().textContent().replaceAll("[^0-9]", ""));
	}

	@Test
	void entersTwoSheetsKeyboardOnlyAndSeesTheResultsCountThem(Browser browser) {
		long event = jdbc.sql("""
				select min(e.id) from training_event e join org_unit o on o.id = e.organizer_unit_id
				where e.status = 'HELD' and o.path like '/1/2/%' and extract(year from e.starts_at) = 2025
				""").query(Long.class).single();
		Page page = ui.desktop(browser);
		ui.signIn(page, "methodologist");

		page.navigate(ui.url("/events/" + event + "/survey/results?lang=ru"));
		long before = count(page, "#results-POST_EVENT strong");

		page.navigate(ui.url("/events/" + event + "/survey/paper?kind=POST_EVENT&lang=ru"));
		assertThat(page.locator("h1")).hasText("Ввод бумажных анкет");
		assertThat(page.locator("#paper-entered")).containsText("Введено анкет:");
		long entered = count(page, "#paper-entered");
		assertThat(page.locator("#q_usefulness")).isFocused();
		assertThat(ui.seriousViolations(page)).as("axe, entry form").isEmpty();

		// sheet 1: usefulness 5, applicability 4, trainer skipped, format 5, will apply: 1 (yes); Enter saves
		page.keyboard().type("5");
		page.keyboard().press("Tab");
		page.keyboard().type("4");
		page.keyboard().press("Tab");
		page.keyboard().press("Tab");
		page.keyboard().type("5");
		page.keyboard().press("Tab");
		page.keyboard().type("1");
		page.keyboard().press("Enter");
		page.waitForURL("**/survey/paper?kind=POST_EVENT");
		assertThat(page.locator("#paper-entered")).containsText(Long.toString(entered + 1));
		assertThat(page.locator("#q_usefulness")).isFocused();
		assertThat(page.locator("#q_usefulness")).hasValue("");

		// sheet 2, first typed wrong (a 7): refused in Russian, the wrong answer focused, fixed and saved
		page.keyboard().type("7");
		page.keyboard().press("Tab");
		page.keyboard().type("3");
		page.keyboard().press("Tab");
		page.keyboard().press("Tab");
		page.keyboard().press("Tab");
		page.keyboard().type("2");
		page.keyboard().press("Enter");
		page.waitForLoadState();
		assertThat(page.locator("#paper-errors")).containsText("Анкета не сохранена");
		assertThat(page.locator("#q_usefulness-error")).hasText("Введите одну цифру от 1 до 5.");
		assertThat(page.locator("#q_usefulness")).isFocused();
		assertThat(page.locator("#q_applicability")).hasValue("3");
		assertThat(page.locator("#paper-entered")).containsText(Long.toString(entered + 1));
		page.keyboard().press("Control+A");
		page.keyboard().type("2");
		page.keyboard().press("Enter");
		page.waitForURL("**/survey/paper?kind=POST_EVENT");
		assertThat(page.locator("#paper-entered")).containsText(Long.toString(entered + 2));
		assertThat(page.locator("#q_usefulness")).isFocused();
		ui.screenshot(page, "paper-entry-ru");

		page.navigate(ui.url("/events/" + event + "/survey/results?lang=ru"));
		assertThat(count(page, "#results-POST_EVENT strong")).isEqualTo(before + 2);
		assertThat(page.locator("#paper-share-POST_EVENT")).containsText("Из них с бумажных анкет: " + (entered + 2));
		page.navigate(ui.url("/surveys/results?year=2025&lang=kk"));
		assertThat(page.locator("#paper-share")).containsText("Қағаз сауалнамалардан:");
		assertThat(jdbc.sql("""
				select count(*) from survey_response r join event_survey s on s.id = r.event_survey_id
				where s.event_id = :e and s.kind = 'POST_EVENT' and r.source = 'PAPER'""").param("e", event)
			.query(Long.class).single()).isEqualTo(entered + 2);
	}
}
