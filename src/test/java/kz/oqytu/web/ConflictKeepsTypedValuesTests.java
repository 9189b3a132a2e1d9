package kz.oqytu.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.OrganizationCommand;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.PrimaryKind;
import kz.oqytu.plans.PlanApproval;
import kz.oqytu.plans.PlanItemCommand;
import kz.oqytu.plans.Plans;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.training.EventCommand;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingEvents;
import kz.oqytu.training.VenueKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A save that meets someone else's change keeps what the user typed, shows the value now stored
 * beside each field that differs, and carries the new version, so a second save goes through on purpose.
 * Data of 2019 and 2027, outside the figures other tests pin.
 */
@OqytuIntegrationTest
class ConflictKeepsTypedValuesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Organizations organizations;

	@Autowired
	TrainingEvents events;

	@Autowired
	Plans plans;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOrganizationEditKeepsTheTypedNameAndShowsTheOtherOne() throws Exception {
		CurrentUser methodologist = users.current("methodologist");
		long district = jdbc.sql("select min(id) from org_unit where level = 'COMMITTEE'").query(Long.class).single();
		long id = organizations.create(methodologist, new OrganizationCommand("Шұғыла бөбекжайы", "Ясли «Шугыла»",
				PrimaryKind.KINDERGARTEN, district, null, "Асқарова Г.", null, null, true));
		try {
			editTwice(methodologist, id, district);
		}
		finally {
			// the registry's 614 organizations are pinned by other tests
			jdbc.sql("delete from org_unit where id = :id").param("id", id).update();
			// past the services: the reports' rollups are made again (decision 31)
			jdbc.sql("select reports_rollup_coverage_rebuild(), reports_rollup_monitoring_rebuild()").query((rs, n) -> 1).list();
		}
	}

	private void editTwice(CurrentUser methodologist, long id, long district) throws Exception {
		int version = organizations.details(methodologist, id).version();
		MockHttpServletRequestBuilder first = orgEdit(id, version, "admin", district, "Шұғыла №7 бөбекжайы", "Асқарова Г.");
		assertThat(mvc.perform(first).andReturn().getResponse().getStatus()).isEqualTo(302);

		MvcResult conflict = mvc.perform(orgEdit(id, version, "methodologist", district, "Шұғыла балабақшасы",
				"Нұрланова Ә.").param("lang", "ru")).andReturn();
		String html = conflict.getResponse().getContentAsString();
		assertThat(conflict.getResponse().getStatus()).isEqualTo(409);
		assertThat(html).contains("value=\"Шұғыла балабақшасы\"").contains("value=\"Нұрланова Ә.\"")
			.contains("Пока вы редактировали, эту запись изменил другой пользователь");
		assertThat(meanwhile(html, "nameKk")).contains("Тем временем изменено на:").contains("Шұғыла №7 бөбекжайы");
		assertThat(meanwhile(html, "chairName")).contains("Асқарова Г.");
		assertThat(html).doesNotContain("id=\"meanwhile-nameRu\"").doesNotContain("id=\"meanwhile-districtId\"");
		assertThat(html).contains("name=\"version\" value=\"" + (version + 1) + "\"");
		assertThat(organizations.details(methodologist, id).nameKk()).isEqualTo("Шұғыла №7 бөбекжайы");

		// saving again, knowing, goes through
		assertThat(mvc.perform(orgEdit(id, version + 1, "methodologist", district, "Шұғыла балабақшасы", "Нұрланова Ә."))
			.andReturn().getResponse().getStatus()).isEqualTo(302);
		assertThat(organizations.details(methodologist, id).nameKk()).isEqualTo("Шұғыла балабақшасы");
	}

	@Test
	void anEventEditKeepsTheTypedValuesAndShowsTheOthersInWords() throws Exception {
		CurrentUser methodologist = users.current("methodologist");
		long id = events.create(methodologist, new EventCommand("Еңбек құқығы семинары", "Семинар по трудовому праву",
				"THEMATIC_SEMINAR", Set.of("LABOUR_LAW"), LocalDateTime.of(2027, 10, 5, 10, 0),
				LocalDateTime.of(2027, 10, 5, 13, 0), BigDecimal.valueOf(3), VenueKind.REGIONAL_OFFICE, null, null, null,
				null, Set.of(), null, null, EventStatus.PLANNED, Map.of()));
		int version = events.details(methodologist, id).version();
		assertThat(mvc.perform(eventEdit(id, version, "admin", "Еңбек құқығы семинары", "ROUND_TABLE", "4"))
			.andReturn().getResponse().getStatus()).isEqualTo(302);

		MvcResult conflict = mvc.perform(eventEdit(id, version, "methodologist", "Ұжымдық шарт семинары",
				"THEMATIC_SEMINAR", "3,5".replace(',', '.')).param("lang", "kk")).andReturn();
		String html = conflict.getResponse().getContentAsString();
		assertThat(conflict.getResponse().getStatus()).isEqualTo(409);
		assertThat(html).contains("value=\"Ұжымдық шарт семинары\"");
		assertThat(meanwhile(html, "titleKk")).contains("Еңбек құқығы семинары");
		assertThat(meanwhile(html, "formCode")).contains("Дөңгелек үстел");
		assertThat(meanwhile(html, "academicHours")).contains("4,0");
		assertThat(html).doesNotContain("id=\"meanwhile-venueKind\"").doesNotContain("id=\"meanwhile-topicCodes\"");
		assertThat(html).contains("name=\"version\" value=\"" + (version + 1) + "\"");
		assertThat(events.details(methodologist, id).titleKk()).isEqualTo("Еңбек құқығы семинары");
	}

	@Test
	void aPlanItemEditKeepsTheTypedTitle() throws Exception {
		CurrentUser methodologist = users.current("methodologist");
		plans.create(methodologist, 2019, new PlanApproval(LocalDate.of(2018, 12, 25), "7"));
		long item = plans.addItem(methodologist, 2019, new PlanItemCommand(null, "Төрағалар мектебі", null,
				Set.of("LABOUR_LAW"), "THEMATIC_SEMINAR", 3, null, Set.of("CHAIR"), Set.of(), 40, "Әдіскер", null));
		int version = jdbc.sql("select version from plan_item where id = :id").param("id", item).query(Integer.class).single();
		assertThat(mvc.perform(planItemEdit(item, version, "admin", "Төрағалар мектебі (1-кезең)", "40"))
			.andReturn().getResponse().getStatus()).isEqualTo(302);

		MvcResult conflict = mvc.perform(planItemEdit(item, version, "methodologist", "Жас төрағалар мектебі", "55"))
			.andReturn();
		String html = conflict.getResponse().getContentAsString();
		assertThat(conflict.getResponse().getStatus()).isEqualTo(409);
		assertThat(html).contains("value=\"Жас төрағалар мектебі\"").contains("value=\"55\"");
		assertThat(meanwhile(html, "titleKk")).contains("Төрағалар мектебі (1-кезең)");
		assertThat(meanwhile(html, "plannedParticipants")).contains("40");
		assertThat(html).contains("name=\"version\" value=\"" + (version + 1) + "\"");
	}

	@Test
	void aBudgetSaveKeepsTheTypedAmountsAndShowsTheOthers() throws Exception {
		long body = jdbc.sql("select id from org_unit where level = 'PRIMARY' order by id desc offset 3 limit 1").query(Long.class).single();
		String path = "/budget/bodies/" + body + "/2027/edit";
		assertThat(mvc.perform(budgetSave(path, null, "admin", "2 500 000")).andReturn().getResponse().getStatus())
			.isEqualTo(302);
		MvcResult conflict = mvc.perform(budgetSave(path, null, "methodologist", "1 800 000,50").param("lang", "ru"))
			.andReturn();
		String html = conflict.getResponse().getContentAsString();
		assertThat(conflict.getResponse().getStatus()).isEqualTo(409);
		assertThat(html).contains("value=\"1 800 000,50\"");
		assertThat(meanwhile(html, "totalPlanned")).contains("2 500 000,00");
		// the same amount written otherwise is no difference
		assertThat(html).doesNotContain("id=\"meanwhile-trainingPlanned\"");
		int version = jdbc.sql("select version from budget where org_unit_id = :b and year = 2027").param("b", body)
			.query(Integer.class).single();
		assertThat(html).contains("name=\"version\" value=\"" + version + "\"");
		assertThat(mvc.perform(budgetSave(path, version, "methodologist", "1 800 000,50")).andReturn().getResponse()
			.getStatus()).isEqualTo(302);
	}

	private static String meanwhile(String html, String field) {
		int at = html.indexOf("id=\"meanwhile-" + field + "\"");
		assertThat(at).as("the stored value beside " + field).isPositive();
		assertThat(html).as("the control of " + field + " is described by the stored value")
			.containsPattern("aria-describedby=\"[^\"]*\\bmeanwhile-" + java.util.regex.Pattern.quote(field) + "\\b");
		return html.substring(at, html.indexOf("</div>", at));
	}

	private MockHttpServletRequestBuilder orgEdit(long id, int version, String who, long district, String name,
			String chair) {
		return post("/organizations/" + id + "/edit").with(users.as(who)).with(csrf())
			.param("nameKk", name)
			.param("nameRu", "Ясли «Шугыла»")
			.param("kind", "KINDERGARTEN")
			.param("districtId", Long.toString(district))
			.param("chairName", chair)
			.param("active", "true")
			.param("version", Integer.toString(version));
	}

	private MockHttpServletRequestBuilder eventEdit(long id, int version, String who, String title, String form,
			String hours) {
		return post("/events/" + id + "/edit").with(users.as(who)).with(csrf())
			.param("titleKk", title)
			.param("titleRu", "Семинар по трудовому праву")
			.param("formCode", form)
			.param("topicCodes", "LABOUR_LAW")
			.param("startsAt", "2027-10-05T10:00")
			.param("endsAt", "2027-10-05T13:00")
			.param("academicHours", hours)
			.param("venueKind", "REGIONAL_OFFICE")
			.param("status", "PLANNED")
			.param("version", Integer.toString(version));
	}

	private MockHttpServletRequestBuilder planItemEdit(long item, int version, String who, String title, String planned) {
		return post("/plans/2019/items/" + item + "/edit").with(users.as(who)).with(csrf())
			.param("titleKk", title)
			.param("topicCodes", "LABOUR_LAW")
			.param("formCode", "THEMATIC_SEMINAR")
			.param("period", "M3")
			.param("categoryCodes", "CHAIR")
			.param("plannedParticipants", planned)
			.param("responsible", "Әдіскер")
			.param("version", Integer.toString(version));
	}

	private MockHttpServletRequestBuilder budgetSave(String path, Integer version, String who, String total) {
		MockHttpServletRequestBuilder request = post(path).with(users.as(who)).with(csrf())
			.param("totalPlanned", total)
			.param("totalActual", total)
			.param("trainingPlanned", "250 000")
			.param("trainingActual", "250 000");
		if (version != null) {
			request.param("version", version.toString());
		}
		return request;
	}
}
