package kz.oqytu.shared.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.training.EventCommand;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingEvents;
import kz.oqytu.training.VenueKind;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #15, one clock: at 00:30 on 1 January in Aqtobe the server (in UTC, as in a container, see
 * the Surefire settings) is still in 31 December; the application's pages say 1 January.
 */
@OqytuIntegrationTest
@TestPropertySource(properties = "oqytu.clock.start=2027-01-01T00:30")
class ClockAtYearEndTests {

	@Autowired
	Clock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Test
	void theClockIsTheUnionsWhateverTheServersZone() {
		assertThat(clock.getZone()).isEqualTo(ZoneId.of("Asia/Aqtobe"));
		assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2027, 1, 1));
		// what a clock in the server's own zone would have said
		assertThat(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)).isEqualTo(LocalDate.of(2026, 12, 31));
	}

	@Test
	void formsOfferTheUnionsToday() throws Exception {
		mvc.perform(get("/events/new").with(users.as("methodologist")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"2027-01-01T10:00\"")));
		mvc.perform(get("/resolutions/new").with(users.as("methodologist")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"2027-01-01\"")));
	}

	@Autowired
	TrainingEvents events;

	@Test
	@Transactional // rolled back: the demo figures stay as other tests pin them
	void aSeminarHeldJustAfterMidnightCanBeLoggedAsHeld() {
		// with the server's date (31 December) a seminar held on 1 January was "in the future"
		LocalDateTime starts = LocalDateTime.of(2027, 1, 1, 0, 5);
		long id = events.create(users.current("methodologist"), new EventCommand("Жаңа жыл семинары", null,
				"THEMATIC_SEMINAR", Set.of("LABOUR_LAW"), starts, starts.plusMinutes(20), BigDecimal.ONE,
				VenueKind.REGIONAL_OFFICE, null, null, null, null, Set.of(), null, null, EventStatus.HELD,
				Map.of("ACTIVIST", 12)));
		assertThat(events.summary(id)).isPresent();
	}
}
