package kz.oqytu.training;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The participant grid takes a whole pasted list in one save, checks every row, and loses nothing on error. */
@OqytuIntegrationTest
class ParticipantGridTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	TrainingEvents events;

	@Autowired
	JdbcClient jdbc;

	private long event(String title) {
		return events.create(users.current("methodologist"), new EventCommand(title, null, "THEMATIC_SEMINAR",
				Set.of("LABOUR_LAW"), LocalDateTime.of(2027, 11, 12, 10, 0), LocalDateTime.of(2027, 11, 12, 13, 0),
				BigDecimal.valueOf(4), VenueKind.REGIONAL_OFFICE, null, null, null, null, Set.of(), null, null,
				EventStatus.PLANNED, Map.of()));
	}

	private List<String> organizations(int n) {
		return jdbc.sql("select name_kk from org_unit where level = 'PRIMARY' and active order by id limit :n")
			.param("n", n).query(String.class).list();
	}

	private long count(long event) {
		return jdbc.sql("select count(*) from event_participant where event_id = :e").param("e", event).query(Long.class).single();
	}

	@Test
	void theGridPageSaysItTakesAPastedList() throws Exception {
		long event = event("Бос тізім");
		MvcResult page = mvc.perform(get("/events/" + event + "/participants").param("lang", "ru")
			.with(users.as("methodologist"))).andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		assertThat(page.getResponse().getContentAsString()).contains("data-max-rows=\"500\"")
			.contains("Из Excel можно вставить сразу много строк").contains("/js/participant-grid");
	}

	@Test
	void aListOfAHundredAndTwentyRowsIsSavedInOneGo() throws Exception {
		long event = event("Кәсіподақ белсенділерінің семинары");
		List<String> orgs = organizations(8);
		MockHttpServletRequestBuilder request = post("/events/" + event + "/participants").with(users.as("methodologist"))
			.with(csrf());
		String[] categories = { "CHAIR", "председатели профсоюзных организаций", "Кәсіподақ  активі", "UNION_MEMBER" };
		for (int i = 0; i < 120; i++) {
			request.param("rows[" + i + "].fullName", "Қатысушы " + (i + 1) + " Серікұлы")
				.param("rows[" + i + "].organization", orgs.get(i % orgs.size()))
				.param("rows[" + i + "].categoryCode", categories[i % categories.length])
				.param("rows[" + i + "].position", i % 2 == 0 ? "мұғалім" : "учитель");
		}
		MvcResult result = mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(302);
		assertThat(count(event)).isEqualTo(120);
		assertThat(jdbc.sql("select count(*) from event_participant where event_id = :e and category_code = 'CHAIR'")
			.param("e", event).query(Long.class).single()).as("a category typed by its Russian name").isEqualTo(60);
	}

	@Test
	void aWrongRowIsNamedAndNoRowIsLost() throws Exception {
		long event = event("Ұжымдық шарт семинары");
		List<String> orgs = organizations(3);
		MockHttpServletRequestBuilder request = post("/events/" + event + "/participants").with(users.as("methodologist"))
			.with(csrf()).param("lang", "ru");
		for (int i = 0; i < 30; i++) {
			boolean wrong = i == 17;
			request.param("rows[" + i + "].fullName", "Иванова Мария " + (i + 1))
				.param("rows[" + i + "].organization", wrong ? "Несуществующая школа № 999" : orgs.get(i % 3))
				.param("rows[" + i + "].categoryCode", i == 23 ? "завхоз" : "UNION_MEMBER");
		}
		MvcResult result = mvc.perform(request).andReturn();
		String html = result.getResponse().getContentAsString();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(count(event)).isZero();
		for (int i = 0; i < 30; i++) {
			assertThat(html).contains("value=\"Иванова Мария " + (i + 1) + "\"");
		}
		assertThat(html).contains("value=\"Несуществующая школа № 999\"").contains("Категория «завхоз» не распознана");
		assertThat(html).contains("value=\"завхоз\"");
	}

	@Test
	void moreRowsThanTheLimitAreRefusedWithWords() throws Exception {
		long event = event("Үлкен тізім");
		List<String> orgs = organizations(1);
		MockHttpServletRequestBuilder request = post("/events/" + event + "/participants").with(users.as("methodologist"))
			.with(csrf()).param("lang", "kk");
		for (int i = 0; i <= 500; i++) {
			request.param("rows[" + i + "].fullName", "Адам " + i).param("rows[" + i + "].organization", orgs.get(0))
				.param("rows[" + i + "].categoryCode", "UNION_MEMBER");
		}
		MvcResult result = mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentAsString()).contains("Бір сақтауда 500 жолдан артық болмайды.");
		assertThat(count(event)).isZero();
	}
}
