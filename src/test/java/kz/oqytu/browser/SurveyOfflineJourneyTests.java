package kz.oqytu.browser;

import java.time.LocalDateTime;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.surveys.EventSurveyView;
import kz.oqytu.surveys.SurveyKind;
import kz.oqytu.surveys.Surveys;
import kz.oqytu.testsupport.Users;
import kz.oqytu.training.TrainingEvents;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #19, item 4 (decision 29): a participant loads the survey, the network drops, they send it
 * anyway and read that it is kept and will be sent; the network comes back, it is sent by itself and
 * stored exactly once, and sending the same queued answer again stores nothing more.
 */
@BrowserTest
class SurveyOfflineJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Surveys surveys;

	@Autowired
	TrainingEvents events;

	@Autowired
	UserDetailsService userDetails;

	private long responses(long surveyId) {
		return jdbc.sql("select count(*) from survey_response where event_survey_id = :s").param("s", surveyId)
			.query(Long.class).single();
	}

	@Test
	void anAnswerSentOfflineIsQueuedAndStoredOnceWhenTheNetworkIsBack(Browser browser) {
		CurrentUser methodologist = new Users(userDetails).current("methodologist");
		LocalDateTime starts = LocalDateTime.of(2031, 4, 14, 10, 0);
		long eventId = events.create(methodologist, new kz.oqytu.training.EventCommand("Желісіз сауалнама",
				"Анкета без сети", "THEMATIC_SEMINAR", java.util.Set.of("LABOUR_LAW"), starts, starts.plusHours(3),
				java.math.BigDecimal.valueOf(3), kz.oqytu.training.VenueKind.REGIONAL_OFFICE, null, null, null, null,
				java.util.Set.of(), null, null, kz.oqytu.training.EventStatus.PLANNED, java.util.Map.of()));
		surveys.openNow(methodologist, eventId, SurveyKind.POST_EVENT);
		EventSurveyView survey = surveys.one(methodologist, eventId, SurveyKind.POST_EVENT);
		Ui ui = new Ui(port);

		Page phone = ui.phone(browser, 360, 800);
		phone.navigate(ui.url("/s/" + survey.token() + "?lang=ru"));
		assertThat(phone.locator("legend").first()).containsText("Насколько полезным");
		// the service worker is in place and the page is kept for a reload without network
		phone.waitForFunction("async () => { await navigator.serviceWorker.ready;"
				+ " return !!(await caches.match(location.pathname)); }");

		phone.locator("#question-usefulness label").nth(4).tap();
		phone.locator("#question-applicability label").nth(3).tap();
		phone.locator("#question-will_apply label").first().tap();
		phone.fill("#q_comments", "Отправлено без сети");
		// the language switch keeps the link and what was typed
		phone.click("header nav a[hreflang=kk]");
		assertThat(phone.locator("html")).hasAttribute("lang", "kk");
		assertThat(phone).hasURL(java.util.regex.Pattern.compile(".*/s/" + survey.token() + "\\?lang=kk$"));
		assertThat(phone.locator("#q_comments")).hasValue("Отправлено без сети");
		phone.click("header nav a[hreflang=ru]");
		assertThat(phone.locator("legend").first()).containsText("Насколько полезным");
		assertThat(phone.locator("#q_comments")).hasValue("Отправлено без сети");
		assertThat(phone.locator("#question-will_apply input").first()).isChecked();

		phone.context().setOffline(true);
		phone.click("button[type=submit]");
		assertThat(phone.locator("#survey-status")).isVisible();
		assertThat(phone.locator("#survey-status")).containsText("будет отправлен, когда появится интернет");
		assertThat(phone.locator("#q_comments")).hasValue("Отправлено без сети");
		assertThat(responses(survey.id())).isZero();
		String queued = (String) phone.evaluate("() => localStorage.getItem('oqytu-survey-queue')");
		assertThat(queued).contains("q_comments=%D0%9E").contains("_key=").contains("_csrf=");
		ui.screenshot(phone, "survey-offline-queued-ru-360");

		phone.context().setOffline(false);
		assertThat(phone.locator("h1")).hasText("Спасибо!");
		assertThat(responses(survey.id())).isEqualTo(1);
		assertThat(phone.evaluate("() => localStorage.getItem('oqytu-survey-queue')")).isNull();

		// the same queued answer sent once more (the network dropped before the answer came back)
		phone.evaluate("q => localStorage.setItem('oqytu-survey-queue', q)", queued);
		phone.navigate(ui.url("/s/" + survey.token() + "?lang=ru"));
		assertThat(phone.locator("h1")).hasText("Вы уже ответили");
		phone.waitForFunction("() => localStorage.getItem('oqytu-survey-queue') === null");
		assertThat(responses(survey.id())).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from survey_response where event_survey_id = :s and submission_key is not null")
			.param("s", survey.id()).query(Long.class).single()).isEqualTo(1);
		phone.context().close();
	}
}
