package kz.oqytu.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.materials.Materials;
import kz.oqytu.materials.SentMaterial;
import kz.oqytu.organizations.OrganizationCriteria;
import kz.oqytu.organizations.OrganizationRow;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.schoolplans.SchoolPlans;
import kz.oqytu.shared.Percent;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.training.EventCommand;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.ParticipantCommand;
import kz.oqytu.training.TrainingEvents;
import kz.oqytu.training.VenueKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The chair's portal: their organization at a glance, only theirs; figures counted from the
 * events of the year. Data made here is in 2023 (before the demo years) and rolls back.
 */
@OqytuIntegrationTest
@Transactional
class ChairPortalTests {

	static final int YEAR = 2023;

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	Users users;

	@Autowired
	ChairPortals portals;

	@Autowired
	TrainingEvents events;

	@Autowired
	Organizations organizations;

	@Autowired
	Materials materials;

	@Autowired
	SchoolPlans schools;

	CurrentUser chair;

	CurrentUser methodologist;

	long own;

	long district;

	@BeforeEach
	void setUp() {
		chair = users.current("chair");
		methodologist = users.current("methodologist");
		own = chair.scopeUnitId();
		district = organizations.info(own).orElseThrow().parentId();
	}

	private OrganizationRow another(long districtId) {
		return organizations.search(methodologist, new OrganizationCriteria(null, districtId, null, null, null, false, 0, 50))
			.getContent()
			.stream()
			.filter(o -> o.id() != own)
			.findFirst()
			.orElseThrow();
	}

	private long event(String title, LocalDate day, VenueKind venue, Long districtId, Long host, int headCount) {
		LocalDateTime starts = day.atTime(10, 0);
		return events.create(methodologist, new EventCommand(title, null, "THEMATIC_SEMINAR", Set.of("LABOUR_LAW"), starts,
				starts.plusHours(3), BigDecimal.valueOf(4), venue, districtId, host, null, null, Set.of(), null, null,
				EventStatus.HELD, headCount == 0 ? Map.of() : Map.of("UNION_MEMBER", headCount)));
	}

	@Test
	void aChairLandsOnTheirPortalWithPlanMaterialsAndRequests() throws Exception {
		mvc.perform(get("/").with(users.as("chair")))
			.andExpect(redirectedUrl("/organizations/" + own + "/portal"));
		List<SentMaterial> sent = materials.sentTo(chair, own);
		int year = 2026; // the demo's school plans are those of 2025 and 2026, whatever the date
		String html = mvc.perform(get("/organizations/" + own + "/portal").param("year", "2026").with(users.as("chair")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"portal-school-plan\"")))
			.andExpect(content().string(containsString("id=\"portal-new-request\"")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(sent).isNotEmpty();
		assertThat(html.split("data-version=", -1)).hasSize(sent.size() + 1);
		long unacknowledged = sent.stream().filter(s -> s.delivery().acknowledgedAt() == null).count();
		assertThat(html.split("/acknowledge", -1)).hasSize((int) unacknowledged + 1);
		var plan = schools.plan(own, year).orElseThrow();
		assertThat(plan.items()).isNotEmpty().allSatisfy(i -> assertThat(html).contains(i.topic()));
	}

	@Test
	void theFiguresCountTheOrganizationsNamedParticipantsAndTheOnSiteEventsItHosted() {
		organizations.recordMembership(methodologist, own, LocalDate.of(YEAR + 1, 1, 1), 40);
		long named = event("Аудандық семинар", LocalDate.of(YEAR, 3, 10), VenueKind.COMMITTEE_PREMISES, district, null, 0);
		OrganizationRow neighbour = another(district);
		events.addParticipants(methodologist, named, List.of(
				new ParticipantCommand("Асанова Гүлжан", own, "UNION_MEMBER", "мұғалім"),
				new ParticipantCommand("Бекова Әсем", own, "ACTIVIST", "мұғалім"),
				new ParticipantCommand("Серікова Дина", own, "UNION_MEMBER", null),
				new ParticipantCommand("Жанова Ая", neighbour.id(), "UNION_MEMBER", null)));
		long hosted = event("Көшпелі семинар", LocalDate.of(YEAR, 4, 12), VenueKind.ON_SITE, district, own, 10);
		long elsewhere = event("Басқа аудандағы семинар", LocalDate.of(YEAR, 5, 5), VenueKind.COMMITTEE_PREMISES,
				otherDistrict(), null, 25);

		ChairPortal portal = portals.portal(chair, own, YEAR);
		assertThat(portal.trained()).isEqualTo(3 + 10);
		assertThat(portal.members()).isEqualTo(40);
		assertThat(portal.coverage()).isEqualTo(Percent.ofValue("32.5"));
		assertThat(portal.events()).extracting(PortalEvent::id).containsExactly(named, hosted).doesNotContain(elsewhere);
		assertThat(portal.events().get(0).fromHere()).isEqualTo(3);
		assertThat(portal.events().get(1).hostedHere()).isTrue();
		ChairPortal next = portals.portal(chair, own, YEAR + 1);
		assertThat(next.previousTrained()).isEqualTo(13);
		assertThat(next.trained()).isZero();
	}

	private long otherDistrict() {
		return organizations.committees(methodologist)
			.stream()
			.filter(c -> c.id() != district)
			.findFirst()
			.orElseThrow()
			.id();
	}

	@Test
	void coverageIsAtMostAHundredPercentWhenAHostedEventCountsEveryone() {
		organizations.recordMembership(methodologist, own, LocalDate.of(YEAR + 1, 1, 1), 40);
		event("Үлкен көшпелі семинар", LocalDate.of(YEAR, 4, 12), VenueKind.ON_SITE, district, own, 120);
		ChairPortal portal = portals.portal(chair, own, YEAR);
		assertThat(portal.trained()).isEqualTo(120);
		assertThat(portal.coverage()).isEqualTo(Percent.ofValue("100"));
	}

	@Test
	void aChairIsRefusedAnotherOrganizationsPortal() throws Exception {
		long other = another(district).id();
		mvc.perform(get("/organizations/" + other + "/portal").with(users.as("chair")))
			.andExpect(status().isForbidden())
			.andExpect(content().string(not(containsString("portal-figures"))));
		assertThatThrownBy(() -> portals.portal(chair, other, YEAR)).isInstanceOf(AccessDeniedException.class);
		mvc.perform(get("/organizations/999999/portal").with(users.as("chair"))).andExpect(status().isNotFound());
		mvc.perform(get("/organizations/" + own + "/portal")).andExpect(status().is3xxRedirection());
	}

	@Test
	void staffSeeAnOrganizationAsItsChairDoesWithoutActingForIt() throws Exception {
		mvc.perform(get("/organizations/" + own + "/portal").with(users.as("methodologist")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"portal-materials\"")))
			.andExpect(content().string(not(containsString("/acknowledge"))))
			.andExpect(content().string(not(containsString("id=\"portal-new-request\""))));
	}

	@Test
	void acknowledgingFromThePortalComesBackToIt() throws Exception {
		SentMaterial open = materials.sentTo(chair, own)
			.stream()
			.filter(s -> s.delivery().acknowledgedAt() == null)
			.findFirst()
			.orElseThrow();
		mvc.perform(post("/materials/" + open.materialId() + "/versions/" + open.versionId() + "/acknowledge")
			.param("back", "portal")
			.with(users.as("chair"))
			.with(csrf())).andExpect(redirectedUrl("/organizations/" + own + "/portal"));
		assertThat(materials.sentTo(chair, own))
			.filteredOn(s -> s.versionId() == open.versionId())
			.allSatisfy(s -> assertThat(s.delivery().acknowledgedAt()).isNotNull());
	}
}
