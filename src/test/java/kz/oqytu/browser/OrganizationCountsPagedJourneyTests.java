package kz.oqytu.browser;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.testsupport.Users;
import kz.oqytu.training.EventCommand;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.OrganizationAttendance;
import kz.oqytu.training.OrganizationCountCommand;
import kz.oqytu.training.TrainingEvents;
import kz.oqytu.training.VenueKind;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #17: an event with many organizations recorded shows them 25 a page with a search, the next
 * page swapped in place, and a form for one organization, on a 360 px phone and at 1366 px, in Kazakh
 * and Russian, with nothing reaching past the window's edge; one organization saved from the phone.
 */
@BrowserTest
class OrganizationCountsPagedJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	TrainingEvents events;

	@Autowired
	OrganizationAttendance attendance;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	private Ui ui;

	@BeforeEach
	void setUp() {
		ui = new Ui(port);
	}

	private static boolean overflows(Page page, String selector) {
		return (Boolean) page.evaluate("s => [document.querySelector(s), ...document.querySelectorAll(s + ' *')]"
				+ ".some(e => e.getBoundingClientRect().right > window.innerWidth + 1)", selector);
	}

	@Test
	void manyOrganizationsArePagedAndOneIsSavedOnAPhoneAndALaptop(Browser browser) {
		CurrentUser methodologist = new Users(accounts).current("methodologist");
		// 2023: before the demo years, so no figure of the demo changes
		LocalDateTime starts = LocalDateTime.of(2023, 5, 10, 10, 0);
		long id = events.create(methodologist, new EventCommand("Облыстық форум", null, "SEMINAR_MEETING",
				Set.of("LABOUR_LAW"), starts, starts.plusHours(4), BigDecimal.valueOf(4), VenueKind.REGIONAL_OFFICE, null,
				null, null, null, Set.of(), null, null, EventStatus.HELD, Map.of("UNION_MEMBER", 100)));
		List<Long> organizations = jdbc.sql("""
				select o.id from org_unit o where o.level = 'PRIMARY' and o.active and o.path like :scope
				order by o.name_kk, o.id limit 31
				""").param("scope", methodologist.scopePath() + "%").query(Long.class).list();
		assertThat(organizations).hasSize(31);
		attendance.recordOrganizationCounts(methodologist, id, attendance.organizationCounts(methodologist, id).version(),
				organizations.subList(0, 30).stream().map(o -> new OrganizationCountCommand(o, Map.of("UNION_MEMBER", 2))).toList());
		String added = jdbc.sql("select name_kk from org_unit where id = :id").param("id", organizations.get(30))
			.query(String.class).single();

		for (int width : new int[] { 360, 1366 }) {
			for (String lang : List.of("kk", "ru")) {
				Page page = width == 360 ? ui.phone(browser, 360, 780)
						: browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768)).newPage();
				ui.signIn(page, "methodologist");
				page.navigate(ui.url("/events/" + id + "?lang=" + lang));
				assertThat(page.locator("#orgcounts-table tbody tr")).hasCount(25);
				assertThat(page.locator("#orgcounts-count")).containsText("30");
				assertThat(page.locator("#orgcounts-one")).isVisible();
				assertThat(page.locator("#orgcounts-grid")).hasCount(0);
				ui.screenshot(page, "orgcounts-paged-" + lang + "-" + width);
				assertThat(overflows(page, "#orgcounts-one")).isFalse();
				assertThat(overflows(page, "#orgcounts-search")).isFalse();
				assertThat(ui.scrollsSideways(page)).isFalse();

				// the next page replaces the list in place
				page.locator("#orgcounts-lines .pagination .page-item").last().locator("a").click();
				assertThat(page.locator("#orgcounts-table tbody tr")).hasCount(5);
				assertThat(page.locator("#orgcounts-one")).isVisible();
				assertThat(ui.scrollsSideways(page)).isFalse();
				page.context().close();
			}
		}

		Page phone = ui.phone(browser, 360, 780);
		ui.signIn(phone, "methodologist");
		phone.navigate(ui.url("/events/" + id + "?lang=ru"));
		phone.fill("#orgcounts-one-organization", added);
		phone.fill("#orgcounts-one-UNION_MEMBER", "3");
		phone.click("#orgcounts-one-save");
		phone.waitForLoadState();
		assertThat(phone.locator(".alert-success")).containsText("Участие по организациям сохранено");
		assertThat(attendance.organizationCounts(methodologist, id).recorded()).hasSize(31);
		assertThat(ui.scrollsSideways(phone)).isFalse();
	}
}
