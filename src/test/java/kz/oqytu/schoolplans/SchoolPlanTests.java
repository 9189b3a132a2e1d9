package kz.oqytu.schoolplans;

import java.time.LocalDate;
import java.util.Map;

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
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.training.TrainingEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Schools of union training: a chair keeps their own organization's plan and no one else's; staff
 * read every plan and see who has none or has held nothing. Everything rolls back.
 */
@OqytuIntegrationTest
@Transactional
class SchoolPlanTests {

	static final int YEAR = 2023;

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	SchoolPlans schools;

	@Autowired
	Plans plans;

	@Autowired
	TrainingEvents events;

	@Autowired
	Organizations organizations;

	CurrentUser chair;

	CurrentUser admin;

	PlanningFixtures fixtures;

	@BeforeEach
	void setUp() {
		chair = users.current("chair");
		admin = users.current("admin");
		fixtures = new PlanningFixtures(plans, events, organizations, users.current("methodologist"));
	}

	private static SchoolItemCommand session(String topic, int month, boolean held) {
		return new SchoolItemCommand(topic, "LABOUR_LAW", month, "ROUND_TABLE", 20, held,
				held ? LocalDate.of(YEAR, month, 10) : null, held ? 18 : null, null);
	}

	@Test
	void aChairAddsAndEditsTheirOwnSchoolPlanOnTheirPhone() throws Exception {
		String plan = "/schools/" + chair.scopeUnitId() + "/" + YEAR;
		mvc.perform(get(plan).with(users.as("chair")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(plan + "/items/new")))
			.andExpect(content().string(containsString("name=\"viewport\"")));
		mvc.perform(post(plan + "/items/new").with(users.as("chair")).with(csrf())
			.param("topic", "Еңбек шарты").param("topicCode", "LABOUR_LAW").param("month", "3")
			.param("formCode", "ROUND_TABLE").param("plannedParticipants", "25"))
			.andExpect(redirectedUrl(plan));
		SchoolPlanItemView item = schools.page(chair, chair.scopeUnitId(), YEAR).items().get(0);
		assertThat(item.held()).isFalse();

		mvc.perform(post(plan + "/items/" + item.id() + "/edit").with(users.as("chair")).with(csrf())
			.param("topic", "Еңбек шарты").param("month", "3").param("formCode", "ROUND_TABLE")
			.param("plannedParticipants", "25").param("held", "true").param("heldOn", YEAR + "-03-14")
			.param("participants", "23").param("version", Integer.toString(item.version())))
			.andExpect(redirectedUrl(plan));
		assertThat(schools.plan(chair.scopeUnitId(), YEAR).orElseThrow().status())
			.isEqualTo(new SchoolPlanStatus(chair.scopeUnitId(), YEAR, SchoolPlanState.ALL_HELD, 1, 1, 25, 23));
	}

	@Test
	void aHeldSessionNeedsItsDateInTheYearAndItsHeadCount() throws Exception {
		String plan = "/schools/" + chair.scopeUnitId() + "/" + YEAR;
		mvc.perform(post(plan + "/items/new").with(users.as("chair")).with(csrf())
			.param("topic", "Еңбек шарты").param("month", "3").param("formCode", "ROUND_TABLE")
			.param("held", "true").param("heldOn", (YEAR + 1) + "-03-14").param("participants", "10"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is-invalid")));
		assertThat(schools.plan(chair.scopeUnitId(), YEAR)).isEmpty();
	}

	@Test
	void aChairCannotReadOrChangeAnotherOrganizationsSchoolPlan() throws Exception {
		OrganizationRow other = fixtures.organization(5, 0);
		long otherItem = schools.addItem(admin, other.id(), YEAR, session("Басқа ұйым", 4, false));
		String plan = "/schools/" + other.id() + "/" + YEAR;
		mvc.perform(get(plan).with(users.as("chair"))).andExpect(status().isForbidden());
		mvc.perform(get(plan + "/items/new").with(users.as("chair"))).andExpect(status().isForbidden());
		mvc.perform(post(plan + "/items/new").with(users.as("chair")).with(csrf())
			.param("topic", "Басып алу").param("month", "3").param("formCode", "ROUND_TABLE"))
			.andExpect(status().isForbidden());
		mvc.perform(get(plan + "/items/" + otherItem + "/edit").with(users.as("chair"))).andExpect(status().isForbidden());
		mvc.perform(post(plan + "/items/" + otherItem + "/edit").with(users.as("chair")).with(csrf())
			.param("topic", "Басып алу").param("month", "3").param("formCode", "ROUND_TABLE").param("version", "0"))
			.andExpect(status().isForbidden());
		mvc.perform(post(plan + "/items/" + otherItem + "/delete").with(users.as("chair")).with(csrf())
			.param("version", "0"))
			.andExpect(status().isForbidden());
		// Another organization's item reached through the chair's own plan address is simply not there.
		mvc.perform(get("/schools/" + chair.scopeUnitId() + "/" + YEAR + "/items/" + otherItem + "/edit")
			.with(users.as("chair"))).andExpect(status().isNotFound());
		assertThat(schools.page(admin, other.id(), YEAR).items()).extracting(SchoolPlanItemView::topic)
			.containsExactly("Басқа ұйым");
		mvc.perform(get("/schools").with(users.as("chair"))).andExpect(status().isForbidden());
	}

	@Test
	void staffReadEverySchoolPlanButDoNotEditIt() throws Exception {
		schools.addItem(admin, chair.scopeUnitId(), YEAR, session("Төраға жоспары", 4, true));
		String plan = "/schools/" + chair.scopeUnitId() + "/" + YEAR;
		for (String staff : new String[] { "methodologist", "executive" }) {
			mvc.perform(get(plan).with(users.as(staff)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Төраға жоспары")))
				.andExpect(content().string(not(containsString("/items/new"))));
			mvc.perform(post(plan + "/items/new").with(users.as(staff)).with(csrf())
				.param("topic", "Әдіскерден").param("month", "3").param("formCode", "ROUND_TABLE"))
				.andExpect(status().isForbidden());
		}
		assertThat(schools.page(admin, chair.scopeUnitId(), YEAR).items()).hasSize(1);
	}

	@Test
	void theOverviewFindsTheOrganizationsWithNoPlanAndThoseThatHeldNothing() throws Exception {
		OrganizationRow nothingHeld = fixtures.organization(6, 0);
		OrganizationRow someHeld = fixtures.organization(6, 1);
		OrganizationRow noPlan = fixtures.organization(6, 2);
		schools.addItem(admin, nothingHeld.id(), YEAR, session("Өтпеген", 3, false));
		schools.addItem(admin, someHeld.id(), YEAR, session("Өткен", 3, true));
		schools.addItem(admin, someHeld.id(), YEAR, session("Өтпеген", 11, false));
		CurrentUser methodologist = users.current("methodologist");

		Map<Long, SchoolPlanStatus> states = schools.statusByOrganization(methodologist, YEAR);
		assertThat(states.get(nothingHeld.id()).state()).isEqualTo(SchoolPlanState.NOTHING_HELD);
		assertThat(states.get(someHeld.id()).state()).isEqualTo(SchoolPlanState.IN_PROGRESS);
		assertThat(states.get(noPlan.id()).state()).isEqualTo(SchoolPlanState.NO_PLAN);
		assertThat(schools.statusByOrganization(chair, YEAR)).containsOnlyKeys(chair.scopeUnitId());

		SchoolOverview held = schools.overview(methodologist,
				new SchoolCriteria(YEAR, 6L, SchoolPlanState.NOTHING_HELD, null, 0, 50));
		assertThat(held.rows().getContent()).extracting(SchoolPlanRow::organizationId).containsExactly(nothingHeld.id());
		SchoolOverview none = schools.overview(methodologist, new SchoolCriteria(YEAR, 6L, SchoolPlanState.NO_PLAN, null, 0, 50));
		assertThat(none.rows().getContent()).extracting(SchoolPlanRow::organizationId)
			.contains(noPlan.id()).doesNotContain(nothingHeld.id(), someHeld.id());
		assertThat(none.districts()).filteredOn(d -> d.districtId() == 6).singleElement()
			.satisfies(d -> {
				assertThat(d.nothingHeld()).isEqualTo(1);
				assertThat(d.inProgress()).isEqualTo(1);
				assertThat(d.noPlan()).isEqualTo(d.organizations() - 2);
			});

		mvc.perform(get("/schools").param("year", Integer.toString(YEAR)).param("district", "6")
			.param("state", "NOTHING_HELD").with(users.as("methodologist")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/schools/" + nothingHeld.id() + "/" + YEAR + "\"")))
			.andExpect(content().string(not(containsString("/schools/" + someHeld.id() + "/" + YEAR + "\""))));
	}
}
