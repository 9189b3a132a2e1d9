package kz.oqytu.resolutions;

import java.time.LocalDate;
import java.util.Set;
import java.time.Clock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.plans.PlanningFixtures;
import kz.oqytu.plans.Plans;
import kz.oqytu.shared.ConflictException;
import kz.oqytu.testsupport.OqytuIntegrationTest;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Resolutions and their tasks: overdue ones (deadline passed, not done) are flagged, done ones never. */
@OqytuIntegrationTest
@Transactional
class ResolutionTests {

	@Autowired
	Clock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Resolutions resolutions;

	@Autowired
	Plans plans;

	@Autowired
	TrainingEvents events;

	@Autowired
	Organizations organizations;

	CurrentUser methodologist;

	PlanningFixtures fixtures;

	LocalDate today;

	@BeforeEach
	void setUp() {
		today = LocalDate.now(clock);
		methodologist = users.current("methodologist");
		fixtures = new PlanningFixtures(plans, events, organizations, methodologist);
	}

	private long resolution() {
		return resolutions.create(methodologist, new ResolutionCommand(today.minusMonths(2), "17", "3", null,
				"О ходе обучения профсоюзного актива", "Текст постановления.", "Заместитель председателя"));
	}

	private long task(long resolution, String text, LocalDate deadline, TaskStatus status) {
		return resolutions.addTask(methodologist, resolution,
				new TaskCommand(text, "Әдіскер", deadline, status, null, null, Set.of(), Set.of(), Set.of()));
	}

	@Test
	void overdueTasksAreFlaggedAndDoneOnesAreNot() throws Exception {
		long id = resolution();
		long late = task(id, "Мерзімі өткен тапсырма", today.minusDays(1), TaskStatus.IN_PROGRESS);
		long doneLate = task(id, "Кешігіп орындалған тапсырма", today.minusDays(1), TaskStatus.DONE);
		long notYet = task(id, "Мерзімі келмеген тапсырма", today.plusDays(1), TaskStatus.NOT_STARTED);
		long dueToday = task(id, "Бүгін мерзімі", today, TaskStatus.NOT_STARTED);
		long open = task(id, "Мерзімсіз тапсырма", null, TaskStatus.NOT_STARTED);

		ResolutionView view = resolutions.resolution(methodologist, id);
		assertThat(view.tasks()).filteredOn(TaskView::overdue).extracting(TaskView::id).containsExactly(late);
		assertThat(view.tasks()).extracting(TaskView::id).containsExactly(late, doneLate, notYet, dueToday, open);
		assertThat(view.tasks().get(1).completedOn()).isEqualTo(today);
		assertThat(resolutions.overdueTasks(methodologist)).extracting(TaskView::id).contains(late)
			.doesNotContain(doneLate, notYet, dueToday, open);
		assertThat(resolutions.list(methodologist)).filteredOn(r -> r.id() == id).singleElement()
			.satisfies(r -> {
				assertThat(r.tasks()).isEqualTo(5);
				assertThat(r.done()).isEqualTo(1);
				assertThat(r.overdue()).isEqualTo(1);
			});

		String page = mvc.perform(get("/resolutions/" + id).with(users.as("executive")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page.split("task-overdue", -1)).hasSize(2);
		assertThat(page).contains("id=\"task-" + late + "\"");
		mvc.perform(get("/resolutions").with(users.as("executive")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"overdue-tasks\"")))
			.andExpect(content().string(containsString("Мерзімі өткен тапсырма")));

		// Marking it done takes it off the overdue list.
		TaskView lateTask = resolutions.task(methodologist, id, late);
		resolutions.updateTask(methodologist, id, late, lateTask.version(), new TaskCommand(lateTask.description(),
				lateTask.responsible(), lateTask.deadline(), TaskStatus.DONE, null, "Орындалды", Set.of(), Set.of(), Set.of()));
		assertThat(resolutions.overdueTasks(methodologist)).extracting(TaskView::id).doesNotContain(late);
		assertThatThrownBy(() -> resolutions.updateTask(methodologist, id, late, lateTask.version(),
				new TaskCommand("x", null, null, TaskStatus.DONE, null, null, Set.of(), Set.of(), Set.of())))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void aTaskLinksThePlanItemsEventsAndMaterialsThatCarryItOut() throws Exception {
		fixtures.plan(2023);
		long item = fixtures.item(2023, "Құқықтық сауаттылық бағдарламасы", 40);
		long event = fixtures.event("Құқықтық сауаттылық семинары", LocalDate.of(2023, 6, 6), EventStatus.HELD, 30);
		long id = resolution();
		mvc.perform(post("/resolutions/" + id + "/tasks/new").with(users.as("methodologist")).with(csrf())
			.param("description", "Бағдарламаларды енгізу").param("status", "IN_PROGRESS")
			.param("deadline", today.plusMonths(1).toString()).param("planItemIds", Long.toString(item))
			.param("eventIds", Long.toString(event)).param("materialIds", "42, 7"))
			.andExpect(status().is3xxRedirection());

		TaskView task = resolutions.resolution(methodologist, id).tasks().get(0);
		assertThat(task.links()).extracting(TaskLink::kind, TaskLink::targetId).containsExactly(
				org.assertj.core.groups.Tuple.tuple(LinkKind.PLAN_ITEM, item),
				org.assertj.core.groups.Tuple.tuple(LinkKind.EVENT, event),
				org.assertj.core.groups.Tuple.tuple(LinkKind.MATERIAL, 7L),
				org.assertj.core.groups.Tuple.tuple(LinkKind.MATERIAL, 42L));
		assertThat(resolutions.tasksCarriedBy(methodologist, LinkKind.MATERIAL, 42)).extracting(TaskView::id)
			.containsExactly(task.id());
		mvc.perform(get("/resolutions/" + id).with(users.as("methodologist")))
			.andExpect(content().string(containsString("/plans/2023/items/" + item)))
			.andExpect(content().string(containsString("/events/" + event)))
			.andExpect(content().string(containsString("/materials/42")));

		// Deleting the plan item takes its link off the task.
		plans.deleteItem(methodologist, 2023, item, plans.item(methodologist, 2023, item).item().version());
		assertThat(resolutions.resolution(methodologist, id).tasks().get(0).links(LinkKind.PLAN_ITEM)).isEmpty();
	}

	@Test
	void onlyStaffReadResolutionsAndOnlyWritersRecordThem() throws Exception {
		long id = resolution();
		mvc.perform(get("/resolutions").with(users.as("chair"))).andExpect(status().isForbidden());
		mvc.perform(get("/resolutions/" + id).with(users.as("chair"))).andExpect(status().isForbidden());
		mvc.perform(post("/resolutions/new").with(users.as("executive")).with(csrf())
			.param("adoptedOn", today.toString()).param("number", "1").param("titleRu", "Нет"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/resolutions/" + id + "/tasks/new").with(users.as("executive")).with(csrf())
			.param("description", "Нет").param("status", "DONE"))
			.andExpect(status().isForbidden());
		assertThat(resolutions.resolution(methodologist, id).tasks()).isEmpty();
	}
}
