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
 * Issue 16, part 2 (decision 19): the methodologist records attendance by organization on an event
 * page at 1280 px, in Kazakh and Russian, is told clearly when the organizations add up to more than
 * the head count (what was typed stays), and the chair on a 360 px phone reads "not recorded by
 * organization" where a 0 used to be, with the unrecorded remainder beside it.
 */
@BrowserTest
class OrganizationCountsJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Ui ui;

	@BeforeEach
	void setUp() {
		ui = new Ui(port);
	}

	/** Whether an element reaches past the window's right edge (the navbar's own overflow in kk/ru is issue 16, part 7). */
	private static boolean overflows(Page page, String selector) {
		return (Boolean) page.evaluate("s => [document.querySelector(s), ...document.querySelectorAll(s + ' *')]"
				+ ".some(e => e.getBoundingClientRect().right > window.innerWidth + 1)", selector);
	}

	private Page desktop(Browser browser) {
		return browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)).newPage();
	}

	@Test
	void theMethodologistRecordsByOrganizationAndTheChairSeesWhatIsNotRecorded(Browser browser) {
		// An event of 2025 the demo recorded partly by organization.
		long event = jdbc.sql("select min(event_id) from attendance_org_count").query(Long.class).single();
		long unrecorded = jdbc.sql("select coalesce(sum(participants), 0) from training_v_event_unrecorded where event_id = :id")
			.param("id", event).query(Long.class).single();
		assertThat(unrecorded).isPositive();
		String other = jdbc.sql("""
				select o.name_kk from org_unit o join training_event e on e.id = :id
				where o.parent_id = e.district_id and o.level = 'PRIMARY' and o.active
				  and o.id not in (select organization_id from attendance_org_count where event_id = :id)
				order by o.name_kk limit 1
				""").param("id", event).query(String.class).single();

		Page page = desktop(browser);
		ui.signIn(page, "methodologist");
		page.navigate(ui.url("/events/" + event + "?lang=kk"));
		assertThat(page.locator("#by-organization")).isVisible();
		assertThat(page.locator("#orgcounts-unrecorded")).containsText("ұйымдар бойынша тіркелмеген");
		ui.screenshot(page, "orgcounts-event-kk-1280");
		assertThat(overflows(page, "#by-organization")).isFalse();

		// Russian: more than the head count in one category is refused, with the category and both numbers.
		page.navigate(ui.url("/events/" + event + "?lang=ru"));
		int blank = page.locator("#orgcounts-grid tbody tr").count() - 1;
		page.fill("#rows" + blank + "\\.organization", other);
		page.fill("[name='rows[" + blank + "].counts[UNION_MEMBER]']", "100000");
		page.click("#orgcounts-save");
		page.waitForLoadState();
		assertThat(page.locator(".alert-danger")).containsText("Члены профсоюза: по организациям получается");
		assertThat(page.locator("[name='rows[" + blank + "].counts[UNION_MEMBER]']")).hasValue("100000");
		assertThat(page.locator("#rows" + blank + "\\.organization")).hasValue(other);
		ui.screenshot(page, "orgcounts-overcount-ru-1280");
		assertThat(overflows(page, "#by-organization")).isFalse();

		// Corrected, it saves and the remainder shrinks.
		page.fill("[name='rows[" + blank + "].counts[UNION_MEMBER]']", "1");
		page.click("#orgcounts-save");
		page.waitForLoadState();
		assertThat(page.locator(".alert-success")).containsText("Участие по организациям сохранено");
		long after = jdbc.sql("select coalesce(sum(participants), 0) from training_v_event_unrecorded where event_id = :id")
			.param("id", event).query(Long.class).single();
		assertThat(after).isEqualTo(unrecorded - 1);

		// An on-site session names its rule.
		long onSite = jdbc.sql("select min(id) from training_event where venue_kind = 'ON_SITE' and status = 'HELD'")
			.query(Long.class).single();
		page.navigate(ui.url("/events/" + onSite + "?lang=kk"));
		assertThat(page.locator("#orgcounts-rule")).containsText("Ереже бойынша есептелді");
		ui.screenshot(page, "orgcounts-rule-kk-1280");

		// The chair on a 360 px phone: 2025 in Kazakh and Russian.
		Page phone = ui.phone(browser, 360, 780);
		ui.signIn(phone, "chair");
		String portal = phone.url();
		phone.navigate(portal + "?year=2025&lang=kk");
		assertThat(phone.locator("#portal-trained")).isVisible();
		assertThat(phone.locator("#portal-unrecorded")).containsText("ұйымдар бойынша тіркелмеген");
		ui.screenshot(phone, "orgcounts-portal-kk-360");
		assertThat(overflows(phone, "#portal-figures")).isFalse();
		assertThat(overflows(phone, "#portal-unrecorded")).isFalse();
		assertThat(ui.scrollsSideways(phone)).isFalse();
		phone.navigate(portal + "?year=2025&lang=ru");
		assertThat(phone.locator("#portal-unrecorded")).containsText("не учтены по организациям");
		ui.screenshot(phone, "orgcounts-portal-ru-360");
		assertThat(overflows(phone, "#portal-figures")).isFalse();
		phone.navigate(portal + "?year=2024&lang=ru");
		assertThat(phone.locator("#portal-unrecorded")).containsText("не учтены по организациям");
		assertThat(phone.locator("#portal-trained")).not().hasText("0");
		ui.screenshot(phone, "orgcounts-portal-2024-ru-360");
		assertThat(overflows(phone, "#portal-figures")).isFalse();
		assertThat(ui.scrollsSideways(phone)).isFalse();
	}
}
