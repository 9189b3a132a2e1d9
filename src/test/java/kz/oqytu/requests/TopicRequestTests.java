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
import kz.oqytu.plans.PlanDraftItem;
import kz.oqytu.plans.PlanItemCommand;
import kz.oqytu.plans.PlannedRequest;
import kz.oqytu.plans.PlanningFixtures;
import kz.oqytu.plans.Plans;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingEvents;

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
 * Topic requests: a chair sends and sees only their own, cannot decide on them, and sees the
 * reason when one is declined; the methodologist decides and reads the demand. Everything rolls back.
 */
@OqytuIntegrationTest
@Transactional
class TopicRequestTests {

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

	CurrentUser chair;

	CurrentUser methodologist;

	PlanningFixtures fixtures;

	@BeforeEach
	void setUp() {
		YEAR = LocalDate.now(clock).getYear() + 2;
		chair = users.current("chair");
		methodologist = users.current("methodologist");
		fixtures = new PlanningFixtures(plans, events, organizations, methodologist);
	}

	private RequestCommand request(int expected) {
		return new RequestCommand(YEAR, Set.of("FINANCIAL_LITERACY"), Set.of("AUDIT_COMMISSION"), "SEMINAR_PRACTICUM", 10,
				expected, "Тексеру комиссиясына");
	}

	@Test
	void aChairSendsARequestAndSeesItWithItsStatus() throws Exception {
		mvc.perform(get("/requests/new").with(users.as("chair"))).andExpect(status().isOk());
		mvc.perform(post("/requests/new").with(users.as("chair")).with(csrf())
			.param("year", Integer.toString(YEAR)).param("topicCodes", "LEGAL_LITERACY", "NEGOTIATIONS")
			.param("categoryCodes", "ACTIVIST").param("preferredMonth", "2").param("expectedParticipants", "17")
			.param("comment", "Жас мамандар үшін"))
			.andExpect(redirectedUrl("/requests"));
		RequestView mine = requests.mine(chair).get(0);
		assertThat(mine.topicCodes()).containsExactly("NEGOTIATIONS", "LEGAL_LITERACY");
		assertThat(mine.status()).isEqualTo(RequestStatus.SUBMITTED);
		assertThat(requests.forOrganization(chair.scopeUnitId())).extracting(RequestView::id).contains(mine.id());
		mvc.perform(get("/requests").with(users.as("chair")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/requests/" + mine.id())))
			.andExpect(content().string(containsString("/requests/new")));
	}

	@Test
	void aChairSeesAndEditsOnlyTheirOwnRequests() throws Exception {
		OrganizationRow other = fixtures.organization(4, 0);
		long theirs = requests.submit(users.current("admin"), other.id(), request(30));
		long mine = requests.submit(chair, chair.scopeUnitId(), request(12));

		mvc.perform(get("/requests").with(users.as("chair")))
			.andExpect(content().string(containsString("/requests/" + mine + "\"")))
			.andExpect(content().string(not(containsString("/requests/" + theirs + "\""))));
		mvc.perform(get("/requests/" + theirs).with(users.as("chair"))).andExpect(status().isForbidden());
		mvc.perform(get("/requests/" + theirs + "/edit").with(users.as("chair"))).andExpect(status().isForbidden());
		mvc.perform(post("/requests/" + theirs + "/edit").with(users.as("chair")).with(csrf())
			.param("year", Integer.toString(YEAR)).param("topicCodes", "OTHER").param("categoryCodes", "CHAIR")
			.param("expectedParticipants", "1").param("version", "0"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/requests/" + theirs + "/withdraw").with(users.as("chair")).with(csrf()).param("version", "0"))
			.andExpect(status().isForbidden());
		assertThatThrownBy(() -> requests.submit(chair, other.id(), request(5)))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		assertThat(requests.request(methodologist, theirs).topicCodes()).containsExactly("FINANCIAL_LITERACY");

		mvc.perform(get("/requests/" + mine + "/edit").with(users.as("chair"))).andExpect(status().isOk());
		mvc.perform(post("/requests/" + mine + "/edit").with(users.as("chair")).with(csrf())
			.param("year", Integer.toString(YEAR)).param("topicCodes", "COMMUNICATION").param("categoryCodes", "CHAIR")
			.param("expectedParticipants", "8").param("version", Integer.toString(requests.request(chair, mine).version())))
			.andExpect(redirectedUrl("/requests/" + mine));
		assertThat(requests.request(chair, mine).topicCodes()).containsExactly("COMMUNICATION");
	}

	@Test
	void aChairCannotChangeARequestsStatus() throws Exception {
		long mine = requests.submit(chair, chair.scopeUnitId(), request(12));
		mvc.perform(post("/requests/" + mine + "/decision").with(users.as("chair")).with(csrf())
			.param("status", "DECLINED").param("reason", "Өзім").param("version", "0"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/requests/" + mine + "/decision").with(users.as("executive")).with(csrf())
			.param("status", "DECLINED").param("reason", "Атқару комитеті").param("version", "0"))
			.andExpect(status().isForbidden());
		assertThatThrownBy(() -> requests.decide(chair, mine, 0, new RequestDecision(RequestStatus.DECLINED, null, null, "x")))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		assertThat(requests.request(chair, mine).status()).isEqualTo(RequestStatus.SUBMITTED);
	}

	@Test
	void aDeclinedRequestShowsItsReasonToTheChair() throws Exception {
		long mine = requests.submit(chair, chair.scopeUnitId(), request(12));
		mvc.perform(post("/requests/" + mine + "/decision").with(users.as("methodologist")).with(csrf())
			.param("status", "DECLINED").param("reason", "Тақырып аудандық семинар-кеңесте қаралады.")
			.param("version", Integer.toString(requests.request(methodologist, mine).version())))
			.andExpect(redirectedUrl("/requests/" + mine));

		mvc.perform(get("/requests").with(users.as("chair")))
			.andExpect(content().string(containsString("Тақырып аудандық семинар-кеңесте қаралады.")));
		mvc.perform(get("/requests/" + mine).with(users.as("chair")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Тақырып аудандық семинар-кеңесте қаралады.")))
			.andExpect(content().string(not(containsString("/requests/" + mine + "/edit"))));
		assertThatThrownBy(() -> requests.update(chair, mine, requests.request(chair, mine).version(), request(3)))
			.isInstanceOf(BusinessRuleException.class).hasMessage("requests.error.decided");
	}

	/**
	 * Requests hold the plan items they are planned in (decision 56: the requests module tells the plan
	 * through PlannedRequests): a drafted item with a request is not replaced, and is once it has none.
	 */
	@Test
	void aDraftedItemThatARequestIsPlannedInIsNotReplaced() {
		int next = LocalDate.now(clock).getYear() + 1;
		List<PlanDraftItem> draft = List.of(new PlanDraftItem(new PlanItemCommand(null, "Жобаланған тармақ", null,
				Set.of("LABOUR_LAW"), "THEMATIC_SEMINAR", null, 2, Set.of("CHAIR"), Set.of(), 40, "Әдіскер", null),
				"Қамту олқылығы", "Разрыв охвата"));
		assertThat(plans.replaceDraftedItems(methodologist, next, draft)).isEqualTo(1);
		long item = plans.page(methodologist, next).orElseThrow().items().get(0).id();
		long mine = requests.submit(chair, chair.scopeUnitId(), request(12));
		requests.decide(methodologist, mine, 0, new RequestDecision(RequestStatus.PLANNED, item, null, null));
		assertThat(plans.item(methodologist, next, item).requests()).extracting(PlannedRequest::id).containsExactly(mine);

		assertThatThrownBy(() -> plans.replaceDraftedItems(methodologist, next, draft))
			.isInstanceOf(BusinessRuleException.class).hasMessage("plandrafts.error.itemInUse");

		requests.decide(methodologist, mine, requests.request(methodologist, mine).version(),
				new RequestDecision(RequestStatus.DECLINED, null, null, "Басқа тармақта"));
		assertThat(plans.replaceDraftedItems(methodologist, next, draft)).isEqualTo(1);
		assertThat(plans.page(methodologist, next).orElseThrow().items()).extracting(i -> i.id()).doesNotContain(item);
	}

	@Test
	void aDecisionNeedsItsPlanItemEventOrReason() {
		long mine = requests.submit(chair, chair.scopeUnitId(), request(12));
		assertThatThrownBy(() -> requests.decide(methodologist, mine, 0, new RequestDecision(RequestStatus.DECLINED, null, null, " ")))
			.isInstanceOf(BusinessRuleException.class).hasMessage("requests.error.reasonRequired");
		assertThatThrownBy(() -> requests.decide(methodologist, mine, 0, new RequestDecision(RequestStatus.PLANNED, null, null, null)))
			.isInstanceOf(BusinessRuleException.class).hasMessage("requests.error.itemRequired");
		long planned = fixtures.event("Жоспарланған", LocalDate.of(2023, 5, 5), EventStatus.PLANNED, 0);
		assertThatThrownBy(() -> requests.decide(methodologist, mine, 0, new RequestDecision(RequestStatus.HELD, null, planned, null)))
			.isInstanceOf(BusinessRuleException.class).hasMessage("requests.error.eventNotHeld");

		fixtures.plan(2023);
		long item = fixtures.item(2023, "Қаржылық сауаттылық практикумы", 30);
		requests.decide(methodologist, mine, 0, new RequestDecision(RequestStatus.PLANNED, item, null, null));
		RequestView decided = requests.request(chair, mine);
		assertThat(decided.status()).isEqualTo(RequestStatus.PLANNED);
		assertThat(decided.planItem().id()).isEqualTo(item);
		assertThat(plans.item(methodologist, 2023, item).requests()).extracting(PlannedRequest::id).containsExactly(mine);
		assertThatThrownBy(() -> plans.deleteItem(methodologist, 2023, item, plans.item(methodologist, 2023, item).item().version()))
			.isInstanceOf(BusinessRuleException.class).hasMessage("plans.error.itemHasRequests");

		long held = fixtures.event("Өткен", LocalDate.of(2023, 5, 6), EventStatus.HELD, 20);
		requests.decide(methodologist, mine, decided.version(), new RequestDecision(RequestStatus.HELD, null, held, null));
		assertThat(requests.request(chair, mine)).extracting(RequestView::status, RequestView::eventId, RequestView::planItem)
			.containsExactly(RequestStatus.HELD, held, null);
	}

	@Test
	void staffReadTheRequestsAndTheDemandBesideTheSurveyWishes() throws Exception {
		requests.submit(chair, chair.scopeUnitId(), request(12));
		requests.submit(users.current("admin"), fixtures.organization(4, 1).id(),
				new RequestCommand(YEAR, Set.of("FINANCIAL_LITERACY", "LEGAL_LITERACY"), Set.of("CHAIR"), null, null, 20, null));
		RequestDemand demand = requests.demand(methodologist, YEAR);
		RequestDemand.Line financial = demand.lines().stream().filter(l -> l.topicCode().equals("FINANCIAL_LITERACY"))
			.findFirst().orElseThrow();
		assertThat(financial.requests()).isGreaterThanOrEqualTo(2);
		assertThat(financial.category("AUDIT_COMMISSION")).isGreaterThanOrEqualTo(1);
		assertThat(financial.district(4L)).isGreaterThanOrEqualTo(1);

		for (String staff : new String[] { "methodologist", "executive" }) {
			mvc.perform(get("/requests").param("year", Integer.toString(YEAR)).with(users.as(staff)))
				.andExpect(status().isOk());
			mvc.perform(get("/requests/demand").param("year", Integer.toString(YEAR)).param("surveyYear", "2025")
				.with(users.as(staff)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("demand-by-district")));
		}
		mvc.perform(get("/requests/demand").with(users.as("chair"))).andExpect(status().isForbidden());
		assertThat(requests.countsByOrganization(methodologist, YEAR).get(chair.scopeUnitId()).submitted()).isEqualTo(1);
	}
}
