package kz.oqytu.plans;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.requests.CampaignCommand;
import kz.oqytu.requests.RequestCommand;
import kz.oqytu.requests.TopicRequests;
import kz.oqytu.resolutions.ResolutionCommand;
import kz.oqytu.resolutions.Resolutions;
import kz.oqytu.resolutions.TaskCommand;
import kz.oqytu.resolutions.TaskStatus;
import kz.oqytu.schoolplans.SchoolItemCommand;
import kz.oqytu.schoolplans.SchoolPlans;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * Who reaches what: the executive committee reads every planning page and changes nothing, on
 * every route; navigation shows staff one planning menu and a chair their plan and requests.
 */
@OqytuIntegrationTest
@Transactional
class PlanningAccessTests {

	@Autowired
	Clock clock;

	static final int YEAR = 2023;

	/** The planning pages' controllers, in the four modules planning was split into (decision 56). */
	static final Set<String> PLANNING_WEB = Set.of("kz.oqytu.plans.web", "kz.oqytu.schoolplans.web",
			"kz.oqytu.requests.web", "kz.oqytu.resolutions.web");

	@Autowired
	MockMvc mvc;

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

	@Autowired
	Organizations organizations;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/** One of everything, for the executive to read. */
	private Map<String, Long> data() {
		CurrentUser methodologist = users.current("methodologist");
		CurrentUser chair = users.current("chair");
		PlanningFixtures fixtures = new PlanningFixtures(plans, events, organizations, methodologist);
		fixtures.plan(YEAR);
		long item = fixtures.item(YEAR, "Тармақ", 10);
		long event = fixtures.event("Іс-шара", LocalDate.of(YEAR, 3, 3), EventStatus.HELD, 12);
		plans.linkEvent(methodologist, item, event);
		schools.addItem(chair, chair.scopeUnitId(), YEAR, new SchoolItemCommand("Сабақ", null, 3, "ROUND_TABLE", 10,
				false, null, null, null));
		long request = requests.submit(chair, chair.scopeUnitId(), new RequestCommand(LocalDate.now(clock).getYear() + 1,
				Set.of("OTHER"), Set.of("CHAIR"), null, null, 3, null));
		long campaign = requests.openCampaign(methodologist, new CampaignCommand(LocalDate.now(clock).getYear() + 2, "Науқан",
				null, LocalDate.now(clock), LocalDate.now(clock).plusDays(9), null));
		long resolution = resolutions.create(methodologist, new ResolutionCommand(LocalDate.now(clock), "5", null, "Қаулы",
				null, null, null));
		long task = resolutions.addTask(methodologist, resolution, new TaskCommand("Тапсырма", null, null,
				TaskStatus.NOT_STARTED, null, null, Set.of(), Set.of(), Set.of()));
		long session = schools.page(chair, chair.scopeUnitId(), YEAR).items().get(0).id();
		return Map.of("item", item, "event", event, "request", request, "campaign", campaign, "resolution", resolution,
				"task", task, "organization", chair.scopeUnitId(), "session", session);
	}

	@Test
	void theExecutiveReadsEveryPlanningPage() throws Exception {
		Map<String, Long> d = data();
		List<String> pages = List.of("/plans", "/plans/" + YEAR, "/plans/" + YEAR + "/items/" + d.get("item"),
				"/plans/" + YEAR + ".xlsx", "/plans/" + (YEAR - 1), "/schools",
				"/schools/" + d.get("organization") + "/" + YEAR, "/requests", "/requests/" + d.get("request"),
				"/requests/demand", "/requests/campaigns", "/requests/campaigns/" + d.get("campaign"), "/resolutions",
				"/resolutions/" + d.get("resolution"), "/events/" + d.get("event") + "/plan-panel");
		for (String page : pages) {
			int status = mvc.perform(get(page).with(users.as("executive"))).andReturn().getResponse().getStatus();
			assertThat(status).as(page).isEqualTo(200);
		}
		mvc.perform(get("/plans/" + YEAR).with(users.as("executive")))
			.andExpect(content().string(not(containsString("/items/new"))))
			.andExpect(content().string(not(containsString("/copy"))));
	}

	@Test
	void everyFormOpensForThoseWhoWrite() throws Exception {
		Map<String, Long> d = data();
		List<String> methodologist = List.of("/plans/" + YEAR + "/items/new",
				"/plans/" + YEAR + "/items/" + d.get("item") + "/edit", "/plans/" + YEAR + "/review",
				"/plans/organization-options?q=%D0%BC%D0%B5%D0%BA%D1%82%D0%B5%D0%BF&organizationIds=" + d.get("organization"),
				"/requests/campaigns/" + d.get("campaign") + "/edit", "/resolutions/new",
				"/resolutions/" + d.get("resolution") + "/edit", "/resolutions/" + d.get("resolution") + "/tasks/new",
				"/resolutions/" + d.get("resolution") + "/tasks/" + d.get("task") + "/edit");
		for (String page : methodologist) {
			assertThat(mvc.perform(get(page).with(users.as("methodologist"))).andReturn().getResponse().getStatus())
				.as(page).isEqualTo(200);
		}
		String plan = "/schools/" + d.get("organization") + "/" + YEAR;
		for (String page : List.of("/requests/new", "/requests/" + d.get("request") + "/edit", plan + "/items/new",
				plan + "/items/" + d.get("session") + "/edit")) {
			assertThat(mvc.perform(get(page).with(users.as("chair"))).andReturn().getResponse().getStatus()).as(page)
				.isEqualTo(200);
		}
		mvc.perform(get("/plans/" + YEAR + "/review").with(users.as("methodologist")))
			.andExpect(content().string(containsString("name=\"carried\" value=\"" + d.get("item") + "\"")));
	}

	@Test
	void theExecutiveWritesNothingOnAnyPlanningRoute() throws Exception {
		Map<String, Long> d = data();
		List<String> checked = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			if (!PLANNING_WEB.contains(entry.getValue().getBeanType().getPackageName())) {
				continue;
			}
			Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
			if (!methods.contains(RequestMethod.POST)) {
				continue;
			}
			for (String pattern : entry.getKey().getPatternValues()) {
				String path = pattern.replaceAll("\\{year(:\\\\d\\{4\\})?}", Integer.toString(YEAR))
					.replaceAll("\\{organizationId[^}]*}", Long.toString(d.get("organization")))
					.replaceAll("\\{eventId[^}]*}", Long.toString(d.get("event")))
					.replaceAll("\\{taskId[^}]*}", Long.toString(d.get("task")))
					.replaceAll("\\{id[^}]*}", Long.toString(id(pattern, d)));
				int status = mvc.perform(request(HttpMethod.POST, path).with(users.as("executive")).with(csrf())
					.param("version", "0").param("itemId", Long.toString(d.get("item")))
					.param("eventId", Long.toString(d.get("event"))).param("status", "DONE").param("reason", "x")
					.param("year", Integer.toString(YEAR)).param("titleKk", "x").param("description", "x")
					.param("topic", "x").param("month", "3").param("formCode", "ROUND_TABLE").param("topicCodes", "OTHER")
					.param("categoryCodes", "CHAIR").param("expectedParticipants", "3").param("number", "1")
					.param("adoptedOn", LocalDate.now(clock).toString()).param("opensOn", LocalDate.now(clock).toString())
					.param("deadline", LocalDate.now(clock).toString()))
					.andReturn().getResponse().getStatus();
				assertThat(status).as("POST " + path).isEqualTo(403);
				checked.add(path);
			}
		}
		assertThat(checked).hasSizeGreaterThan(20);
		assertThat(plans.page(users.current("executive"), YEAR).orElseThrow().items()).hasSize(1);
		assertThat(resolutions.resolution(users.current("executive"), d.get("resolution")).tasks()).hasSize(1);
	}

	private static long id(String pattern, Map<String, Long> d) {
		if (pattern.startsWith("/plans")) {
			return d.get("item");
		}
		if (pattern.startsWith("/schools")) {
			return 1;
		}
		if (pattern.startsWith("/requests/campaigns")) {
			return d.get("campaign");
		}
		if (pattern.startsWith("/requests")) {
			return d.get("request");
		}
		if (pattern.startsWith("/events")) {
			return d.get("event");
		}
		return d.get("resolution");
	}

	@Test
	void staffSeeOnePlanningMenuAndAChairTheirPlanAndRequests() throws Exception {
		CurrentUser chair = users.current("chair");
		mvc.perform(get("/plans").with(users.as("methodologist")))
			.andExpect(content().string(containsString("href=\"/schools\"")))
			.andExpect(content().string(containsString("href=\"/resolutions\"")))
			.andExpect(content().string(containsString("Жоспарлау")));
		mvc.perform(get("/requests").with(users.as("chair")))
			.andExpect(content().string(containsString(
					"href=\"/schools/" + chair.scopeUnitId() + "/" + LocalDate.now(clock).getYear() + "\"")))
			.andExpect(content().string(containsString("Менің жоспарым")))
			.andExpect(content().string(not(containsString("href=\"/resolutions\""))));
		for (String page : List.of("/plans", "/plans/" + YEAR, "/resolutions", "/schools", "/requests/campaigns")) {
			assertThat(mvc.perform(get(page).with(users.as("chair"))).andReturn().getResponse().getStatus()).as(page)
				.isEqualTo(403);
		}
	}
}
