package kz.oqytu.security;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.surveys.EventSurveyView;
import kz.oqytu.surveys.FlagReason;
import kz.oqytu.surveys.KindResults;
import kz.oqytu.surveys.SurveyKind;
import kz.oqytu.surveys.SurveyResults;
import kz.oqytu.surveys.Surveys;
import kz.oqytu.surveys.domain.SignedForms;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.training.EventCommand;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingEvents;
import kz.oqytu.training.VenueKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #15, item 4 (ASVS V11.1.4, V11.1.7): answers from one address beyond the configured count
 * within the window are flagged whatever browser string and languages they claim, and answers from
 * other addresses are not. The threshold is lowered here (a hall's worth by default).
 */
@OqytuIntegrationTest
@Transactional
@TestPropertySource(properties = "oqytu.surveys.address-flag-threshold=10")
class SurveyAddressFlagTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Surveys surveys;

	@Autowired
	SurveyResults results;

	@Autowired
	TrainingEvents events;

	@Autowired
	ApplicationContext context;

	@Test
	void answersBeyondTheThresholdFromOneAddressAreFlaggedWhateverBrowserTheyClaim() throws Exception {
		CurrentUser methodologist = users.current("methodologist");
		long eventId = events.create(methodologist, new EventCommand("Бір мекенжай", "Один адрес", "THEMATIC_SEMINAR",
				Set.of("LABOUR_LAW"), LocalDateTime.of(2027, 5, 20, 10, 0), LocalDateTime.of(2027, 5, 20, 13, 0),
				java.math.BigDecimal.valueOf(3), VenueKind.REGIONAL_OFFICE, null, null, null, null, Set.of(), null, null,
				EventStatus.PLANNED, Map.of()));
		surveys.openNow(methodologist, eventId, SurveyKind.POST_EVENT);
		EventSurveyView survey = surveys.one(methodologist, eventId, SurveyKind.POST_EVENT);
		for (int i = 0; i < 15; i++) {
			String address = i < 13 ? "203.0.113.7" : "198.51.100." + i;
			mvc.perform(post("/s/" + survey.token()).with(csrf())
				.with(SignedForms.form(context, survey.id(), UUID.randomUUID()))
				.with(r -> {
					r.setRemoteAddr(address);
					return r;
				})
				.header("User-Agent", "Browser " + i).header("Accept-Language", i % 2 == 0 ? "kk" : "ru")
				.param("q_usefulness", "5").param("q_applicability", "5").param("q_will_apply", "YES"))
				.andExpect(status().is3xxRedirection());
		}
		KindResults post = results.forEvent(methodologist, eventId).postEvent();
		assertThat(post.flagged()).as("the 11th to 13th from one address").isEqualTo(3);
		assertThat(post.flagReasons()).containsExactly(Map.entry(FlagReason.ONE_ADDRESS, 3L));
		assertThat(post.responses()).isEqualTo(12);
	}
}
