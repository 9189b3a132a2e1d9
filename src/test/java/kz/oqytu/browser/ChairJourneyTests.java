package kz.oqytu.browser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Autowired;
import java.time.LocalDate;

/**
 * Journey 5: a school's union chair on a phone sees their plan and the materials sent to them,
 * acknowledges one, sends a training request and is refused another organization's page; the
 * methodologist then sees the request in the demand view and on the monitoring page.
 */
@BrowserTest
class ChairJourneyTests {

	@Autowired
	Clock clock;

	private static final Pattern OF = Pattern.compile("(\\d+) of (\\d+)");

	@LocalServerPort
	int port;

	private Ui ui;

	@BeforeEach
	void setUp() {
		ui = new Ui(port);
	}

	@Test
	void aChairOnAPhoneAcknowledgesAMaterialAndSendsARequestThatTheMethodologistSees(Browser browser) {
		Page staff = ui.desktop(browser);
		ui.signIn(staff, "methodologist");
		staff.navigate(ui.url("/reports/monitoring?lang=en"));

		// The chair signs in on a phone and lands on their organization.
		Page phone = ui.phone(browser, 390, 844);
		ui.signIn(phone, "chair");
		assertThat(phone).hasURL(Pattern.compile(".*/organizations/\\d+/portal$"));
		String portal = phone.url();
		long own = Long.parseLong(portal.replaceAll(".*/organizations/(\\d+)/portal$", "$1"));
		// The demo's school plans are those of 2025 and 2026, whatever the date the suite runs on.
		phone.navigate(portal + "?year=2026");
		assertThat(phone.locator("#portal-school-plan li")).not().hasCount(0);
		assertThat(phone.locator("#portal-materials [data-version]")).not().hasCount(0);
		assertThat(ui.scrollsSideways(phone)).isFalse();
		ui.screenshot(phone, "chair-portal-phone");
		phone.navigate(portal);

		// Acknowledges the first material not yet acknowledged; the portal shows it received.
		Locator open = phone.locator("#portal-materials li:has(form[action*='/acknowledge'])");
		int before = open.count();
		assertThat(before).isPositive();
		String version = open.first().getAttribute("data-version");
		open.first().locator("button[type=submit]").tap();
		phone.waitForLoadState();
		assertThat(phone).hasURL(portal);
		assertThat(phone.locator("#portal-materials li:has(form[action*='/acknowledge'])")).hasCount(before - 1);
		assertThat(phone.locator("#portal-materials li[data-version='" + version + "'] form")).hasCount(0);

		// The methodologist's figures before the request.
		String district = districtOf(staff, own);
		String districtId = districtId(staff, district);
		int demandBefore = demandIn(staff, district);
		int[] requestsBefore = monitoringRequests(staff, own, districtId);

		// Sends a training request for next year's plan.
		phone.navigate(portal);
		phone.locator("#portal-new-request").tap();
		phone.waitForLoadState();
		phone.locator("input[name=topicCodes][value=NEGOTIATIONS]").check();
		phone.locator("input[name=categoryCodes][value=CHAIR]").check();
		phone.locator("input[name=expectedParticipants]").fill("17");
		phone.locator("textarea[name=comment]").fill("Келіссөздер бойынша практикум қажет");
		ui.screenshot(phone, "chair-request-phone");
		phone.locator("main form button[type=submit]").first().tap();
		phone.waitForLoadState();
		assertThat(phone.locator("#my-requests")).containsText("Келіссөздер");

		// Another organization's portal and registry page are refused.
		// A real primary organization of the same district: the changed-id attack, not a missing id.
		String other = staff.locator("tr[data-organization]:not([data-organization='" + own + "'])").first()
			.getAttribute("data-organization");
		Page refused = phone.context().newPage();
		var response = refused.navigate(ui.url("/organizations/" + other + "/portal"));
		assertThat(response.status()).isEqualTo(403);
		assertThat(refused.locator("#portal-figures")).hasCount(0);
		assertThat(refused.navigate(ui.url("/organizations/" + other)).status()).isEqualTo(403);

		// The methodologist sees the request in the demand view and on the monitoring page.
		assertThat(demandIn(staff, district)).isEqualTo(demandBefore + 1);
		int[] requestsAfter = monitoringRequests(staff, own, districtId);
		assertThat(requestsAfter[1]).isEqualTo(requestsBefore[1] + 1);
		ui.screenshot(staff, "monitoring");
	}

	/** The district's name as the organization's portal shows it to staff. */
	private String districtOf(Page staff, long own) {
		staff.navigate(ui.url("/organizations/" + own + "/portal"));
		return staff.locator("main p.small span").first().textContent().trim();
	}

	private String districtId(Page staff, String district) {
		staff.navigate(ui.url("/reports/monitoring"));
		return staff.locator("#district option").filter(new Locator.FilterOptions().setHasText(district)).first()
			.getAttribute("value");
	}

	/** Requests for next year in the district: the sum of the district's row in the demand view. */
	private int demandIn(Page staff, String district) {
		staff.navigate(ui.url("/requests/demand?year=" + nextYear()));
		Locator row = staff.locator("#demand-by-district tbody tr").filter(new Locator.FilterOptions().setHasText(district));
		int sum = 0;
		for (String cell : row.locator("td > span:first-child").allTextContents()) {
			sum += Integer.parseInt(cell.replaceAll("\\D", ""));
		}
		return sum;
	}

	/** [answered, made] requests of next year for the organization on the monitoring page. */
	private int[] monitoringRequests(Page staff, long own, String districtId) {
		staff.navigate(ui.url("/reports/monitoring?year=" + nextYear() + "&district=" + districtId + "&show=ALL"));
		String cell = staff.locator("tr[data-organization='" + own + "'] td").nth(5).textContent().trim();
		Matcher m = OF.matcher(cell);
		assertThat(m.find()).as(cell).isTrue();
		return new int[] { Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)) };
	}

	private int nextYear() {
		return LocalDate.now(clock).getYear() + 1;
	}
}
