package kz.oqytu.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #22, part 3 (decision 0050): at 1280 px the methodologist opens the 2027 plan draft in Russian,
 * sets a 25% target, sees the gap, drafts the items and opens the plan and an item with its reason; the
 * Kazakh page loads in Kazakh; on a 360 px phone the chair starts the school plan from the requests and
 * is refused the draft. The 2027 plans it writes are removed afterwards.
 */
@BrowserTest
class PlanDraftJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	kz.oqytu.requests.TopicRequests requests;

	@Autowired
	kz.oqytu.testsupport.Users users;

	static final String OWN_REQUEST = "PlanDraftJourneyTests: a request of its own";

	private Ui ui;

	@BeforeEach
	void setUp() {
		ui = new Ui(port);
	}

	@AfterEach
	void removeThe2027Plans() {
		jdbc.sql("delete from training_plan where year = 2027").update();
		jdbc.sql("delete from topic_request where comment = :c").param("c", OWN_REQUEST).update();
		jdbc.sql("delete from school_plan where year = 2027 and organization_id ="
				+ " (select scope_unit_id from app_user where username = 'chair')").update();
	}

	@Test
	void theMethodologistDraftsThe2027PlanAt25PercentAndReadsWhyEachItemIsThere(Browser browser) {
		Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)).newPage();
		ui.signIn(page, "methodologist");
		page.navigate(ui.url("/plan-drafts?year=2027&lang=ru"));
		assertThat(page.locator("h1")).hasText("Проект плана на 2027 год по разрыву в охвате");
		page.fill("#target", "25");
		page.click("#show-gap");
		page.waitForLoadState();
		assertThat(page.locator("#needed")).hasText("8 390");
		String gap = page.locator("#gap-people").textContent().strip();
		assertThat(page.locator("#to-draft")).hasText(gap);
		assertThat(page.locator("#by-district tbody tr")).hasCount(13);
		assertThat(page.locator("#no-budget")).containsText("Бюджет на 2027 год не внесён");
		assertThat(page.locator("#draft-items")).containsText("Постановление № 9 от 20.02.2026");
		assertThat(ui.scrollsSideways(page)).isFalse();
		ui.screenshot(page, "plan-draft-2027-ru");

		page.click("#draft-items-button");
		page.waitForLoadState();
		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/plans/2027$"));
		assertThat(page.locator(".alert-success")).containsText("В план на 2027 год внесено пунктов");
		assertThat(page.locator("#approval")).containsText("не утверждён");
		assertThat(page.locator("#plan-items .plan-item-reason").first()).containsText("квартал");
		long planned = jdbc.sql("select sum(i.planned_participants) from plan_item i join training_plan p on p.id = i.plan_id"
				+ " where p.year = 2027").query(Long.class).single();
		assertThat(planned).isEqualTo(Long.parseLong(gap.replaceAll("\\D", "")));

		page.locator("#plan-items tbody tr a").first().click();
		page.waitForLoadState();
		assertThat(page.locator("#item-reason")).containsText("из");
		assertThat(page.locator("#item-reason")).containsText("квартал");
		// edited with the plan's own item form, as any item
		page.click("text=Изменить");
		page.waitForLoadState();
		assertThat(page.locator("#plannedParticipants")).isVisible();

		page.navigate(ui.url("/plan-drafts?year=2027&target=25&lang=kk"));
		assertThat(page.locator("h1")).hasText("2027 жылғы жоспардың жобасы: қамтудағы олқылық бойынша");
		assertThat(page.locator("#gap")).containsText("Мақсатқа жету үшін не қажет");
		assertThat(page.locator("#draft-form")).containsText("Қайта құрастыру бұрын құрылған");
		ui.screenshot(page, "plan-draft-2027-kk");
	}

	@Test
	void theChairStartsTheSchoolPlanFromTheRequestsOnAPhoneAndIsRefusedTheDraft(Browser browser) {
		Page phone = ui.phone(browser, 360, 780);
		ui.signIn(phone, "chair");
		long own = Long.parseLong(phone.url().replaceAll(".*/organizations/(\\d+)/portal$", "$1"));
		// a request of its own for 2027: another journey declines the demo's (PlanningAndBudgetJourneyTests)
		requests.submit(users.current("chair"), own, new kz.oqytu.requests.RequestCommand(2027, java.util.Set.of("LEGAL_LITERACY"),
				java.util.Set.of("CHAIR"), null, 3, 12, OWN_REQUEST));
		phone.navigate(ui.url("/schools/" + own + "/2027?lang=ru"));
		assertThat(phone.locator("#from-requests button")).hasText("Начать план на 2027 год с заявок");
		assertThat(phone.locator("#school-items")).not().containsText("Заявка организации");
		phone.click("#from-requests button");
		phone.waitForLoadState();
		assertThat(phone.locator(".alert-success")).containsText("Из заявок и областного плана добавлено пунктов");
		assertThat(phone.locator("#school-items")).containsText("Заявка организации");
		assertThat(phone.locator("#from-requests")).hasCount(0);
		assertThat(ui.scrollsSideways(phone)).isFalse();
		ui.screenshot(phone, "school-plan-from-requests-360");

		Response refused = phone.navigate(ui.url("/plan-drafts?year=2027&lang=ru"));
		assertThat(refused.status()).isEqualTo(403);
	}
}
