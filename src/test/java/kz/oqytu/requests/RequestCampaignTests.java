package kz.oqytu.requests;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.time.Clock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.OrganizationRow;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.plans.PlanningFixtures;
import kz.oqytu.plans.Plans;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.training.TrainingEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A request campaign shows, district by district, which primary organizations have answered and which not. */
@OqytuIntegrationTest
@Transactional
class RequestCampaignTests {

	@Autowired
	Clock clock;

	/** Two years ahead of the clock: outside the demo figures other tests pin. */
	int YEAR;

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	TopicRequests requests;

	@Autowired
	Plans plans;

	@Autowired
	TrainingEvents events;

	@Autowired
	Organizations organizations;

	CurrentUser methodologist;

	PlanningFixtures fixtures;

	@BeforeEach
	void setUp() {
		YEAR = LocalDate.now(clock).getYear() + 2;
		methodologist = users.current("methodologist");
		fixtures = new PlanningFixtures(plans, events, organizations, methodologist);
	}

	private long campaign() throws Exception {
		LocalDate today = LocalDate.now(clock);
		mvc.perform(post("/requests/campaigns").with(users.as("methodologist")).with(csrf())
			.param("year", Integer.toString(YEAR)).param("titleKk", YEAR + " жылғы жоспарға өтінімдер")
			.param("opensOn", today.minusDays(3).toString()).param("deadline", today.plusDays(20).toString()))
			.andExpect(status().is3xxRedirection());
		return requests.campaigns(methodologist).stream().filter(c -> c.year() == YEAR).findFirst().orElseThrow().id();
	}

	@Test
	void theCampaignListsTheOrganizationsThatHaveNotAnswered() throws Exception {
		long id = campaign();
		OrganizationRow answered = fixtures.organization(7, 0);
		OrganizationRow silent = fixtures.organization(7, 1);
		requests.submit(users.current("admin"), answered.id(),
				new RequestCommand(YEAR, Set.of("LABOUR_LAW"), Set.of("CHAIR"), null, null, 5, null));

		CampaignAnswers answers = requests.campaign(methodologist, id);
		CampaignAnswers.District district = answers.districts().stream().filter(d -> d.id() == 7).findFirst().orElseThrow();
		assertThat(district.answered()).extracting(CampaignAnswers.Organization::id).containsExactly(answered.id());
		assertThat(district.notAnswered()).extracting(CampaignAnswers.Organization::id)
			.contains(silent.id()).doesNotContain(answered.id()).hasSize(district.organizations() - 1);
		assertThat(answers.campaign().answered()).isEqualTo(answers.answered());
		assertThat(answers.campaign().notAnswered()).isEqualTo(answers.notAnswered());
		assertThat(answers.campaign().open(LocalDate.now(clock))).isTrue();

		mvc.perform(get("/requests/campaigns/" + id).param("district", "7").with(users.as("executive")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(silent.nameKk())))
			.andExpect(content().string(containsString("id=\"not-answered-total\"")));
		mvc.perform(get("/requests/campaigns").with(users.as("executive")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/requests/campaigns/" + id)));
	}

	@Test
	void theChairSeesTheOpenCampaignUntilTheyAnswer() throws Exception {
		campaign();
		CurrentUser chair = users.current("chair");
		ChairCampaign before = campaignFor(chair);
		assertThat(before.answered()).isFalse();
		mvc.perform(get("/requests").with(users.as("chair")))
			.andExpect(content().string(containsString(YEAR + " жылғы жоспарға өтінімдер")));

		requests.submit(chair, chair.scopeUnitId(),
				new RequestCommand(YEAR, Set.of("NEGOTIATIONS"), Set.of("CONCILIATION_COMMISSION"), null, null, 6, null));
		assertThat(campaignFor(chair).answered()).isTrue();
	}

	private ChairCampaign campaignFor(CurrentUser chair) {
		List<ChairCampaign> open = requests.openCampaigns(chair);
		return open.stream().filter(c -> c.campaign().year() == YEAR).findFirst().orElseThrow();
	}

	@Test
	void aYearHasOneCampaignAndItsDeadlineFollowsItsStart() throws Exception {
		campaign();
		LocalDate today = LocalDate.now(clock);
		assertThatThrownBy(() -> requests.openCampaign(methodologist,
				new CampaignCommand(YEAR, "Тағы", null, today, today.plusDays(1), null)))
			.isInstanceOf(BusinessRuleException.class).hasMessage("requests.error.campaignExists");
		assertThatThrownBy(() -> requests.openCampaign(methodologist,
				new CampaignCommand(YEAR - 1, "Кері", null, today, today.minusDays(1), null)))
			.isInstanceOf(BusinessRuleException.class).hasMessage("requests.error.deadline");
		mvc.perform(post("/requests/campaigns").with(users.as("executive")).with(csrf())
			.param("year", Integer.toString(YEAR - 1)).param("titleKk", "Атқару комитетінен")
			.param("opensOn", today.toString()).param("deadline", today.plusDays(5).toString()))
			.andExpect(status().isForbidden());
	}
}
