package kz.oqytu.plans;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.StatementCounter;
import kz.oqytu.testsupport.Users;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A plan's execution: items held, partly held and not held by the participants of their linked
 * held events, and the year's held events that carry no item. Everything rolls back.
 */
@OqytuIntegrationTest
@Transactional
class PlanExecutionTests {

	static final int YEAR = 2023;

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

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
		methodologist = users.current("methodologist");
		fixtures = new PlanningFixtures(plans, events, organizations, methodologist);
	}

	@Test
	void itemsAreHeldPartlyOrNotHeldByTheParticipantsOfTheirHeldEvents() {
		fixtures.plan(YEAR);
		long full = fixtures.item(YEAR, "Толық орындалған", 50);
		long partly = fixtures.item(YEAR, "Ішінара орындалған", 40);
		long none = fixtures.item(YEAR, "Өтпеген", 30);
		long scheduledOnly = fixtures.item(YEAR, "Тек жоспарланған", 20);
		plans.linkEvent(methodologist, full, fixtures.event("A", LocalDate.of(YEAR, 3, 1), EventStatus.HELD, 30));
		plans.linkEvent(methodologist, full, fixtures.event("B", LocalDate.of(YEAR, 3, 2), EventStatus.HELD, 25));
		plans.linkEvent(methodologist, partly, fixtures.event("C", LocalDate.of(YEAR, 4, 1), EventStatus.HELD, 10));
		long cancelled = fixtures.event("D", LocalDate.of(YEAR, 4, 2), EventStatus.HELD, 99);
		plans.linkEvent(methodologist, partly, cancelled);
		events.cancel(methodologist, cancelled, events.details(methodologist, cancelled).version());
		plans.linkEvent(methodologist, scheduledOnly, fixtures.event("E", LocalDate.of(YEAR, 5, 1), EventStatus.PLANNED, 0));
		long outside = fixtures.event("Жоспардан тыс", LocalDate.of(YEAR, 6, 1), EventStatus.HELD, 40);
		fixtures.event("Келесі жылғы", LocalDate.of(YEAR + 1, 1, 15), EventStatus.HELD, 15);

		PlanPage page = plans.page(methodologist, YEAR).orElseThrow();
		Map<Long, PlanItemView> items = page.items().stream().collect(Collectors.toMap(PlanItemView::id, Function.identity()));

		assertThat(items.get(full).execution()).isEqualTo(new ItemExecution(ExecutionStatus.HELD, 2, 0, 55));
		assertThat(items.get(partly).execution()).isEqualTo(new ItemExecution(ExecutionStatus.PARTLY, 1, 0, 10));
		assertThat(items.get(none).execution()).isEqualTo(new ItemExecution(ExecutionStatus.NOT_HELD, 0, 0, 0));
		assertThat(items.get(scheduledOnly).execution()).isEqualTo(new ItemExecution(ExecutionStatus.NOT_HELD, 0, 1, 0));
		assertThat(page.outsideEvents()).extracting(PlanEventLine::eventId).containsExactly(outside);
		assertThat(page.totals()).isEqualTo(new PlanTotals(4, 1, 1, 2, 140, 65, 1, 40));
		assertThat(plans.plans(methodologist)).filteredOn(p -> p.year() == YEAR).singleElement()
			.extracting(PlanSummary::totals).isEqualTo(page.totals());
		assertThat(plans.summary(methodologist, YEAR).orElseThrow().totals()).isEqualTo(page.totals());
	}

	@Test
	void anItemWithoutPlannedParticipantsIsHeldByAnyHeldEvent() {
		fixtures.plan(YEAR);
		long item = fixtures.item(YEAR, "Саны көрсетілмеген", null);
		plans.linkEvent(methodologist, item, fixtures.event("A", LocalDate.of(YEAR, 3, 1), EventStatus.HELD, 3));
		assertThat(plans.page(methodologist, YEAR).orElseThrow().items().get(0).execution().status())
			.isEqualTo(ExecutionStatus.HELD);
	}

	@Test
	void anEventCarriesOneItemOfItsOwnYear() {
		fixtures.plan(YEAR);
		long first = fixtures.item(YEAR, "Бірінші", 10);
		long second = fixtures.item(YEAR, "Екінші", 10);
		long event = fixtures.event("A", LocalDate.of(YEAR, 3, 1), EventStatus.HELD, 10);
		long otherYear = fixtures.event("B", LocalDate.of(YEAR + 1, 3, 1), EventStatus.HELD, 10);
		plans.linkEvent(methodologist, first, event);
		plans.linkEvent(methodologist, first, event);

		assertThatThrownBy(() -> plans.linkEvent(methodologist, second, event)).isInstanceOf(BusinessRuleException.class)
			.hasMessage("plans.error.eventLinked");
		assertThatThrownBy(() -> plans.linkEvent(methodologist, second, otherYear)).isInstanceOf(BusinessRuleException.class)
			.hasMessage("plans.error.eventYear");
		assertThat(plans.itemOfEvent(event)).map(PlanItemRef::id).contains(first);

		plans.unlinkEvent(methodologist, first, event);
		assertThat(plans.itemOfEvent(event)).isEmpty();
		assertThat(plans.page(methodologist, YEAR).orElseThrow().outsideEvents()).extracting(PlanEventLine::eventId)
			.containsExactly(event);
	}

	@Test
	void theMethodologistLinksAnEventOnTheItemPageAndThePlanPageShowsTheExecution() throws Exception {
		fixtures.plan(YEAR);
		long item = fixtures.item(YEAR, "Еңбек заңнамасы семинары", 20);
		long event = fixtures.event("Іздеуге арналған семинар", LocalDate.of(YEAR, 3, 1), EventStatus.HELD, 25);

		mvc.perform(get("/plans/" + YEAR + "/items/" + item).param("q", "Іздеуге").with(users.as("methodologist")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Іздеуге арналған семинар")));
		mvc.perform(post("/plans/" + YEAR + "/items/" + item + "/events").param("eventId", Long.toString(event))
			.with(users.as("methodologist")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/plans/" + YEAR).with(users.as("methodologist")).param("lang", "ru"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Еңбек заңнамасы семинары")))
			.andExpect(content().string(containsString("Выполнен")));
		assertThat(plans.itemOfEvent(event)).map(PlanItemRef::id).contains(item);
	}

	@Test
	void theEventPageOffersTheItemsOfItsYear() throws Exception {
		fixtures.plan(YEAR);
		long item = fixtures.item(YEAR, "Панельдегі тармақ", 20);
		long event = fixtures.event("A", LocalDate.of(YEAR, 3, 1), EventStatus.HELD, 25);

		mvc.perform(get("/events/" + event).with(users.as("methodologist")))
			.andExpect(content().string(containsString("/events/" + event + "/plan-panel")));
		mvc.perform(get("/events/" + event + "/plan-panel").with(users.as("methodologist")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Панельдегі тармақ")));
		mvc.perform(post("/events/" + event + "/plan-item").param("itemId", Long.toString(item))
			.with(users.as("methodologist")).with(csrf()))
			.andExpect(redirectedUrl("/events/" + event));
		assertThat(plans.eventLink(methodologist, event).item()).map(PlanItemRef::id).contains(item);
	}

	@Test
	void thePlanPageIssuesTheSameNumberOfStatementsWhateverItsSize() throws Exception {
		fixtures.plan(YEAR);
		long first = fixtures.item(YEAR, "Бірінші", 10);
		plans.linkEvent(methodologist, first, fixtures.event("A", LocalDate.of(YEAR, 3, 1), EventStatus.HELD, 10));
		int small = statementsOfPlanPage();
		for (int i = 0; i < 6; i++) {
			long item = fixtures.item(YEAR, "Тармақ " + i, 10);
			plans.linkEvent(methodologist, item, fixtures.event("E" + i, LocalDate.of(YEAR, 4, 1 + i), EventStatus.HELD, 5));
			fixtures.event("O" + i, LocalDate.of(YEAR, 5, 1 + i), EventStatus.HELD, 5);
		}
		assertThat(statementsOfPlanPage()).isEqualTo(small);
	}

	private int statementsOfPlanPage() throws Exception {
		StatementCounter.reset();
		mvc.perform(get("/plans/" + YEAR).with(users.as("methodologist"))).andExpect(status().isOk());
		return StatementCounter.count();
	}
}
