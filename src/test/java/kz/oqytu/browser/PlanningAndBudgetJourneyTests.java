package kz.oqytu.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planning and budget journeys: the methodologist links an event held outside the plan to a plan
 * item and sees the execution change; declines a chair's request with a reason the chair then reads
 * on their phone; enters a committee's budget, is told when training exceeds the total, and sees the
 * share against the 10% norm.
 */
@BrowserTest
class PlanningAndBudgetJourneyTests {

	@LocalServerPort
	int port;

	private Ui ui;

	@BeforeEach
	void setUp() {
		ui = new Ui(port);
	}

	private static int number(Locator locator) {
		return Integer.parseInt(locator.textContent().replaceAll("\\D", ""));
	}

	@Test
	void theMethodologistLinksAnEventHeldOutsideThePlanAndTheExecutionChanges(Browser browser) {
		Page page = ui.desktop(browser);
		ui.signIn(page, "methodologist");
		page.navigate(ui.url("/plans/2025"));
		ui.screenshot(page, "plan-2025");
		int outside = number(page.locator("#total-outside"));
		int actual = number(page.locator("#total-actual"));
		assertThat(outside).isPositive();
		Locator row = page.locator("#outside-events tbody tr").first();
		int people = number(row.locator("td").nth(3));
		String item = row.locator("select[name=itemId] option").first().getAttribute("value");
		int heldBefore = number(page.locator("#item-" + item + " td").nth(7).locator("span").first());
		row.locator("select[name=itemId]").selectOption(item);
		row.locator("button[type=submit]").click();
		page.waitForLoadState();
		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/plans/2025.*"));
		assertThat(number(page.locator("#total-outside"))).isEqualTo(outside - 1);
		assertThat(number(page.locator("#total-actual"))).isEqualTo(actual + people);
		assertThat(number(page.locator("#item-" + item + " td").nth(7).locator("span").first())).isEqualTo(heldBefore + 1);
	}

	@Test
	void theMethodologistDeclinesARequestAndTheChairReadsWhyOnTheirPhone(Browser browser) {
		Page phone = ui.phone(browser, 390, 844);
		ui.signIn(phone, "chair");
		long own = Long.parseLong(phone.url().replaceAll(".*/organizations/(\\d+)/portal$", "$1"));

		Page staff = ui.desktop(browser);
		ui.signIn(staff, "methodologist");
		staff.navigate(ui.url("/organizations/" + own + "/portal"));
		Locator submitted = staff.locator("#portal-requests li").filter(new Locator.FilterOptions()
			.setHas(staff.locator(".badge.text-bg-light")));
		assertThat(submitted.count()).isPositive();
		submitted.first().locator("a").first().click();
		staff.waitForLoadState();
		staff.locator("#decision-form select[name=status]").selectOption("DECLINED");
		String reason = "Тақырып 2027 жылғы аудандық семинар-кеңесте қаралады";
		staff.locator("#decision-form textarea[name=reason]").fill(reason);
		staff.locator("#decision-form button[type=submit]").click();
		staff.waitForLoadState();
		assertThat(staff.locator("#decline-reason")).containsText(reason);

		phone.reload();
		assertThat(phone.locator("#portal-requests")).containsText(reason);
		ui.screenshot(phone, "chair-declined-phone");
	}

	@Test
	void theMethodologistEntersACommitteeBudgetAndSeesItsShareAgainstTheNorm(Browser browser) {
		Page page = ui.desktop(browser);
		ui.signIn(page, "methodologist");
		page.navigate(ui.url("/budget?year=2026"));
		Locator committee = page.locator("#budget-overview tbody tr[data-unit]").nth(1);
		String unit = committee.getAttribute("data-unit");
		page.navigate(ui.url("/budget/bodies/" + unit + "/2026/edit"));
		page.fill("input[name=totalPlanned]", "1 000 000,00");
		page.fill("input[name=totalActual]", "1 000 000,00");
		page.fill("input[name=trainingPlanned]", "2 000 000,00");
		page.fill("input[name=trainingActual]", "85 000,00");
		page.locator("main form button[type=submit]").first().click();
		page.waitForLoadState();
		// Training larger than the total: told next to the field, nothing saved.
		assertThat(page.locator("input[name=trainingPlanned].is-invalid")).hasCount(1);
		page.fill("input[name=trainingPlanned]", "85 000,00");
		page.locator("main form button[type=submit]").first().click();
		page.waitForLoadState();
		page.navigate(ui.url("/budget?year=2026"));
		Locator row = page.locator("#budget-overview tbody tr[data-unit='" + unit + "']");
		assertThat(row).hasAttribute("data-status", "BELOW");
		assertThat(row).containsText("8,5%");
		ui.screenshot(page, "budget-2026");

		page.navigate(ui.url("/budget/bodies/" + unit + "/2026/edit"));
		page.fill("input[name=trainingActual]", "100 000,00");
		page.locator("main form button[type=submit]").first().click();
		page.waitForLoadState();
		page.navigate(ui.url("/budget?year=2026"));
		assertThat(page.locator("#budget-overview tbody tr[data-unit='" + unit + "']")).hasAttribute("data-status", "MEETS");
	}
}
