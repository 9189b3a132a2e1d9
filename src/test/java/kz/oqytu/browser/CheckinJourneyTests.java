package kz.oqytu.browser;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.OqytuPrincipal;
import kz.oqytu.training.EventCommand;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingEvents;
import kz.oqytu.training.VenueKind;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #20, part 1: the methodologist opens check-in from the event page, a participant checks in on
 * a 360 px phone (Kazakh, then the page in Russian fits too), the methodologist's list fills by
 * itself, the entry is confirmed and the participant is on the event's named list.
 */
@BrowserTest
class CheckinJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	TrainingEvents events;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void aParticipantChecksInOnAPhoneAndIsConfirmedIntoTheNamedList(Browser browser) {
		Ui ui = new Ui(port);
		CurrentUser methodologist = ((OqytuPrincipal) users.loadUserByUsername("methodologist")).currentUser();
		long district = jdbc.sql("select parent_id from org_unit where level = 'PRIMARY' and active"
				+ " group by parent_id having count(*) > 5 order by parent_id limit 1").query(Long.class).single();
		String school = jdbc.sql("select name_kk from org_unit where parent_id = :d and level = 'PRIMARY' and active"
				+ " order by id limit 1").param("d", district).query(String.class).single();
		LocalDateTime start = LocalDateTime.now(clock).withHour(10).withMinute(0).withSecond(0).withNano(0);
		long event = events.create(methodologist, new EventCommand("Өзін-өзі тіркеу семинары", "Семинар с саморегистрацией",
				"THEMATIC_SEMINAR", Set.of("LABOUR_LAW"), start, start.plusHours(3), BigDecimal.valueOf(4),
				VenueKind.COMMITTEE_PREMISES, district, null, null, null, Set.of(), null, null, EventStatus.PLANNED, Map.of()));

		// the methodologist opens check-in from the event page
		Page office = ui.desktop(browser);
		ui.signIn(office, "methodologist");
		office.navigate(ui.url("/events/" + event + "?lang=ru"));
		office.click("#event-checkin");
		office.waitForLoadState();
		office.click("#checkin-open");
		office.waitForLoadState();
		assertThat(office.locator("#checkin-short-code")).hasText(java.util.regex.Pattern.compile("[2-9A-Z]{8}"));
		String code = office.locator("#checkin-short-code").textContent().strip();
		assertThat(office.locator("#checkin-no-entries")).isVisible();
		assertThat(ui.seriousViolations(office)).isEmpty();
		ui.screenshot(office, "checkin-methodologist-open");

		// a participant on a 360 px phone: the page fits in Russian and in Kazakh, and they check in in Kazakh
		Page phone = ui.phone(browser, 360, 800);
		phone.navigate(ui.url("/c/" + code + "?lang=ru"));
		assertThat(phone.locator("h1")).hasText("Семинар с саморегистрацией");
		assertThat(ui.scrollsSideways(phone)).isFalse();
		phone.navigate(ui.url("/c/" + code + "?lang=kk"));
		assertThat(phone.locator("h1")).hasText("Өзін-өзі тіркеу семинары");
		assertThat(ui.scrollsSideways(phone)).isFalse();
		assertThat(ui.seriousViolations(phone)).isEmpty();
		ui.screenshot(phone, "checkin-participant-360");
		// a first try without a category is refused in Kazakh, the typed name kept
		phone.locator("#fullName").fill("Жұмабаева Сәуле Қайратқызы");
		phone.locator("#organization").fill(school);
		phone.locator("#checkin-submit").tap();
		phone.waitForLoadState();
		assertThat(phone.locator("#errors-summary")).containsText("Санатыңызды таңдаңыз");
		assertThat(phone.locator("#fullName")).hasValue("Жұмабаева Сәуле Қайратқызы");
		Locator category = phone.locator("#categoryCode label").nth(1);
		assertThat(category.boundingBox().height).isGreaterThanOrEqualTo(44);
		category.tap();
		phone.locator("#phone").fill("+7 701 555 12 34");
		phone.locator("#checkin-submit").tap();
		phone.waitForLoadState();
		assertThat(phone.locator("#checkin-done")).containsText("Тіркелдіңіз");
		assertThat(ui.scrollsSideways(phone)).isFalse();
		ui.screenshot(phone, "checkin-participant-done-360");

		// the methodologist's list fills by itself (polling) and the entry is confirmed
		Locator row = office.locator("#checkin-entries tr", new Page.LocatorOptions().setHasText("Жұмабаева Сәуле Қайратқызы"));
		assertThat(row).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
		assertThat(row).not().containsText("Организация не распознана");
		ui.screenshot(office, "checkin-methodologist-entry");
		row.locator("button.btn-success").click();
		office.waitForLoadState();
		assertThat(office.locator(".alert-success")).containsText("Участник добавлен в поимённый список");

		office.click("#entries a[href$='/participants']");
		office.waitForLoadState();
		assertThat(office.locator("main")).containsText("Жұмабаева Сәуле Қайратқызы");
		assertThat(jdbc.sql("select count(*) from event_participant where event_id = :e").param("e", event).query(Long.class)
			.single()).isEqualTo(1);
	}
}
