package kz.oqytu.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.plans.ExecutionStatus;
import kz.oqytu.plans.PlanItemView;
import kz.oqytu.plans.PlanPage;
import kz.oqytu.plans.Plans;
import kz.oqytu.requests.CampaignAnswers;
import kz.oqytu.requests.CampaignView;
import kz.oqytu.requests.RequestCounts;
import kz.oqytu.requests.RequestStatus;
import kz.oqytu.requests.RequestView;
import kz.oqytu.requests.TopicRequests;
import kz.oqytu.resolutions.ResolutionRow;
import kz.oqytu.resolutions.ResolutionView;
import kz.oqytu.resolutions.Resolutions;
import kz.oqytu.resolutions.TaskStatus;
import kz.oqytu.resolutions.TaskView;
import kz.oqytu.schoolplans.SchoolPlanState;
import kz.oqytu.schoolplans.SchoolPlanStatus;
import kz.oqytu.schoolplans.SchoolPlans;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.training.EventCriteria;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo planning data loads on top of the demo events (in this test's transaction, unless the
 * demo loader already loaded it) and tells the union's story.
 */
@OqytuIntegrationTest
@Transactional
class DemoPlanningTests {

	@Autowired
	DemoPlanning demo;

	@Autowired
	Users users;

	@Autowired
	Plans plans;

	@Autowired
	SchoolPlans schools;

	@Autowired
	TopicRequests requests;

	@Autowired
	Resolutions resolutions;

	@Autowired
	TrainingEvents events;

	@Test
	void demoPlanningLoads() {
		CurrentUser methodologist = users.current("methodologist");
		CurrentUser chair = users.current("chair");
		if (plans.page(methodologist, 2025).isEmpty()) {
			demo.load(DemoDataLoader.SYSTEM, chair.scopeUnitId());
		}

		PlanPage plan2025 = plans.page(methodologist, 2025).orElseThrow();
		assertThat(plan2025.plan().approvedOn()).isEqualTo(LocalDate.of(2024, 12, 25));
		assertThat(plan2025.plan().reviewed()).isTrue();
		assertThat(plan2025.items()).extracting(i -> i.execution().status())
			.contains(ExecutionStatus.HELD, ExecutionStatus.PARTLY, ExecutionStatus.NOT_HELD);
		long heldLinked = plan2025.items().stream().mapToLong(i -> i.execution().heldEvents()).sum();
		assertThat(plan2025.outsideEvents()).hasSizeBetween(2, 10);
		assertThat(heldLinked + plan2025.outsideEvents().size()).isEqualTo(64);
		long people = plan2025.totals().actualParticipants() + plan2025.totals().outsideParticipants();
		assertThat(people).isEqualTo(6_101);

		PlanPage plan2026 = plans.page(methodologist, 2026).orElseThrow();
		assertThat(plan2026.plan().approvedOn()).isEqualTo(LocalDate.of(2025, 12, 25));
		assertThat(plan2026.plan().copiedFromYear()).isEqualTo(2025);
		assertThat(plan2026.plan().carriedCorrections()).isNotBlank();
		assertThat(plan2026.items()).extracting(PlanItemView::correction).isNotEmpty().anyMatch(c -> c != null);
		assertThat(plan2026.items().stream().mapToInt(i -> i.execution().scheduledEvents()).sum()).isEqualTo(4);

		Map<Long, SchoolPlanStatus> schools2026 = schools.statusByOrganization(methodologist, 2026);
		assertThat(schools2026).hasSize(614);
		long withPlan = schools2026.values().stream().filter(s -> s.state() != SchoolPlanState.NO_PLAN).count();
		assertThat(withPlan).isBetween(250L, 400L);
		assertThat(schools2026.values()).extracting(SchoolPlanStatus::state).contains(SchoolPlanState.NOTHING_HELD);
		assertThat(schools.plan(chair.scopeUnitId(), 2026).orElseThrow().status().heldItems()).isPositive();

		List<RequestView> chairs = requests.forOrganization(chair.scopeUnitId());
		assertThat(chairs).extracting(RequestView::status)
			.contains(RequestStatus.DECLINED, RequestStatus.SUBMITTED);
		assertThat(chairs).filteredOn(r -> r.status() == RequestStatus.DECLINED).allMatch(r -> r.declineReason() != null);
		int organizations = 0;
		int planned = 0;
		int held = 0;
		for (int year : new int[] { 2025, 2026, 2027 }) {
			Map<Long, RequestCounts> counts = requests.countsByOrganization(methodologist, year);
			organizations += counts.size();
			planned += counts.values().stream().mapToInt(RequestCounts::planned).sum();
			held += counts.values().stream().mapToInt(RequestCounts::held).sum();
		}
		assertThat(organizations).isBetween(170, 250);
		assertThat(planned).isPositive();
		assertThat(held).isPositive();
		CampaignView campaign = requests.campaigns(methodologist).stream().filter(c -> c.year() == 2027).findFirst()
			.orElseThrow();
		CampaignAnswers answers = requests.campaign(methodologist, campaign.id());
		assertThat(answers.answered()).isPositive();
		assertThat(answers.notAnswered()).isGreaterThan(answers.answered());

		ResolutionRow row = resolutions.list(methodologist).stream()
			.filter(r -> r.number().equals("9") && "2".equals(r.item()))
			.findFirst()
			.orElseThrow();
		assertThat(row.adoptedOn()).isEqualTo(LocalDate.of(2026, 2, 20));
		ResolutionView resolution = resolutions.resolution(methodologist, row.id());
		assertThat(resolution.controlBy()).contains("Беженаров");
		assertThat(resolution.titleRu()).startsWith("Об оценке эффективности действующей системы профсоюзного обучения");
		assertThat(resolution.tasks()).hasSize(3);
		assertThat(resolution.tasks()).filteredOn(TaskView::overdue).isNotEmpty()
			.noneMatch(t -> t.status() == TaskStatus.DONE);
		assertThat(resolution.tasks().get(0).links()).isNotEmpty();

		// The demo's event figures are untouched.
		assertThat(events.search(methodologist, new EventCriteria(2025, null, null, null, null, EventStatus.HELD, null,
				null, EventCriteria.Sort.DATE, false, 0, 10)).getTotalElements()).isEqualTo(64);
	}
}
