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

import kz.oqytu.testsupport.Users;
import kz.oqytu.training.EventCommand;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingEvents;
import kz.oqytu.training.VenueKind;

import static org.assertj.core.api.Assertions.assertThat;

/** A methodologist pastes a list of people from Excel into the grid: rows appear as needed, one save keeps them all. */
@BrowserTest
class ParticipantGridPasteTests {

	@LocalServerPort
	int port;

	@Autowired
	TrainingEvents events;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	private Ui ui;

	@BeforeEach
	void setUp() {
		ui = new Ui(port);
	}

	@Test
	void twelveRowsPastedFromExcelAreSavedInOneGo(Browser browser) {
		long event = events.create(new Users(accounts).current("methodologist"), new EventCommand("Төрағалар семинары", null,
				"THEMATIC_SEMINAR", Set.of("LABOUR_LAW"), LocalDateTime.of(2027, 11, 20, 10, 0),
				LocalDateTime.of(2027, 11, 20, 13, 0), BigDecimal.valueOf(4), VenueKind.REGIONAL_OFFICE, null, null, null,
				null, Set.of(), null, null, EventStatus.PLANNED, Map.of()));
		List<String> orgs = jdbc.sql("select name_kk from org_unit where level = 'PRIMARY' and active order by id limit 4")
			.query(String.class).list();
		StringBuilder sheet = new StringBuilder();
		String[] categories = { "Кәсіподақ ұйымдарының төрағалары", "Члены профсоюза", "Профсоюзный актив" };
		for (int i = 1; i <= 12; i++) {
			// a cell with a tab-free quoted name, as Excel writes cells that hold quotes
			String org = orgs.get(i % orgs.size());
			sheet.append("Жұмабаева Айгүл ").append(i).append('\t').append(org.contains("\"") ? '"' + org.replace("\"", "\"\"") + '"' : org)
				.append('\t').append(categories[i % 3]).append('\t').append("мұғалім").append("\r\n");
		}
		Page page = ui.desktop(browser);
		ui.signIn(page, "methodologist");
		page.navigate(ui.url("/events/" + event + "/participants?lang=kk"));
		assertThat(page.locator("[data-grid-row]").count()).isEqualTo(5);
		page.focus("[name='rows[0].fullName']");
		page.evaluate("text => { const dt = new DataTransfer(); dt.setData('text/plain', text);"
				+ " document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true })); }",
				sheet.toString());
		assertThat(page.locator("[data-grid-row]").count()).isEqualTo(12);
		assertThat(page.inputValue("[name='rows[11].fullName']")).isEqualTo("Жұмабаева Айгүл 12");
		assertThat(page.inputValue("[name='rows[11].organization']")).isEqualTo(orgs.get(0));
		assertThat(page.inputValue("[name='rows[11].categoryCode']")).isEqualTo("CHAIR");
		assertThat(page.inputValue("[name='rows[0].categoryCode']")).isEqualTo("UNION_MEMBER");
		assertThat(page.inputValue("[name='rows[1].categoryCode']")).isEqualTo("ACTIVIST");
		assertThat(page.locator("[data-grid-status]").textContent()).contains("12");
		ui.screenshot(page, "participant-grid-pasted");
		page.click("#participant-grid button[type=submit]");
		page.waitForLoadState();
		assertThat(jdbc.sql("select count(*) from event_participant where event_id = :e").param("e", event)
			.query(Long.class).single()).isEqualTo(12);
		assertThat(jdbc.sql("select count(*) from event_participant where event_id = :e and category_code = 'UNION_MEMBER'")
			.param("e", event).query(Long.class).single()).isEqualTo(4);
		assertThat(ui.scrollsSideways(page)).isFalse();
	}
}
