package kz.oqytu.training;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.reports.CoverageReports;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import java.time.Clock;

/** Logging a seminar with its attendance, the way the methodologist does it in the browser. */
@OqytuIntegrationTest
@Transactional
class TrainingEventTests {

	@Autowired
	Clock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	TrainingEvents events;

	@Autowired
	CoverageReports reports;

	private MockHttpServletRequestBuilder seminar(String day, String... overrides) {
		java.util.Map<String, String[]> params = new java.util.LinkedHashMap<>();
		params.put("titleKk", new String[] { "Құқықтық сауаттылық семинар-тренингі" });
		params.put("titleRu", new String[] { "Семинар-тренинг по правовой грамотности" });
		params.put("formCode", new String[] { "SEMINAR_TRAINING" });
		params.put("topicCodes", new String[] { "LEGAL_LITERACY", "LABOUR_LAW" });
		params.put("startsAt", new String[] { day + "T10:00" });
		params.put("endsAt", new String[] { day + "T16:00" });
		params.put("academicHours", new String[] { "6" });
		params.put("venueKind", new String[] { "COMMITTEE_PREMISES" });
		params.put("districtId", new String[] { "4" });
		params.put("methods", new String[] { "CASE_ANALYSIS", "DISCUSSION" });
		params.put("status", new String[] { "HELD" });
		params.put("headCounts[UNION_MEMBER]", new String[] { "12" });
		params.put("headCounts[ACTIVIST]", new String[] { "20" });
		params.put("headCounts[CHAIR]", new String[] { "8" });
		for (int i = 0; i < overrides.length; i += 2) {
			params.put(overrides[i], new String[] { overrides[i + 1] });
		}
		MockHttpServletRequestBuilder request = post("/events/new").with(users.as("methodologist")).with(csrf());
		params.forEach(request::param);
		return request;
	}

	@Test
	void aSeminarWithAttendanceCountsInTheCoverageAtOnce() throws Exception {
		long before = reports.annual(users.current("methodologist"), Optional.empty(), 2025).current().trained();
		MvcResult created = mvc.perform(seminar("2025-11-20")).andExpect(status().is3xxRedirection()).andReturn();
		long id = Long.parseLong(created.getResponse().getRedirectedUrl().replace("/events/", ""));
		EventDetails event = events.details(users.current("methodologist"), id);
		assertThat(event.totalParticipants()).isEqualTo(40);
		assertThat(event.headCounts()).containsEntry("ACTIVIST", 20).containsEntry("AUDIT_COMMISSION", 0);
		assertThat(event.topicCodes()).containsExactlyInAnyOrder("LEGAL_LITERACY", "LABOUR_LAW");
		assertThat(event.methods()).containsExactlyInAnyOrder(ActiveMethod.CASE_ANALYSIS, ActiveMethod.DISCUSSION);
		assertThat(event.shortFormat()).isTrue();
		// The time typed is the time shown, whichever way the event is read (JPA page, JDBC list).
		assertThat(event.startsAt().getHour()).isEqualTo(10);
		assertThat(events.search(users.current("methodologist"), new EventCriteria(2025, 11, 4L, null, null, null, null,
				null, null, false, 0, 200)).getContent().stream()
			.filter(e -> e.id() == id).findFirst().orElseThrow().startsAt()).isEqualTo(event.startsAt());
		var report = reports.annual(users.current("methodologist"), Optional.empty(), 2025).current();
		assertThat(report.trained()).isEqualTo(before + 40);
		assertThat(report.events()).isEqualTo(65);
	}

	@Test
	void invalidEventsAreRefusedWithReasonsNextToTheFields() throws Exception {
		mvc.perform(seminar("2025-11-20", "endsAt", "2025-11-19T10:00"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "endsAt", "training.error.endsBeforeStart"));
		mvc.perform(seminar("2025-11-20", "headCounts[CHAIR]", "-3"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasErrors("form"));
		String future = LocalDate.now(clock).plusDays(10).toString();
		mvc.perform(seminar(future))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "status", "training.error.heldInFuture"));
		mvc.perform(seminar("2025-11-20", "venueKind", "ON_SITE"))
			.andExpect(model().attributeHasFieldErrorCode("form", "hostOrganizationId", "training.error.hostRequired"));
		mvc.perform(seminar("2025-11-20", "announcementUrl", "javascript:alert(1)"))
			.andExpect(model().attributeHasFieldErrorCode("form", "announcementUrl", "training.error.urlInvalid"));
		mvc.perform(post("/events/new").with(users.as("methodologist")).with(csrf()).param("titleKk", "x")
			.param("formCode", "SEMINAR_TRAINING").param("startsAt", "2025-11-20T10:00").param("endsAt", "2025-11-20T12:00")
			.param("academicHours", "2").param("venueKind", "ONLINE").param("status", "HELD"))
			.andExpect(model().attributeHasFieldErrors("form", "topicCodes"));
		assertThat(reports.annual(users.current("methodologist"), Optional.empty(), 2025).current().events()).isEqualTo(64);
	}

	@Test
	void aStaleEditIsAConflict() throws Exception {
		MvcResult created = mvc.perform(seminar("2025-10-02")).andReturn();
		long id = Long.parseLong(created.getResponse().getRedirectedUrl().replace("/events/", ""));
		int version = events.details(users.current("methodologist"), id).version();
		mvc.perform(edit(id, version, "Бірінші")).andExpect(status().is3xxRedirection());
		mvc.perform(edit(id, version, "Екінші")).andExpect(status().isConflict());
		assertThat(events.details(users.current("methodologist"), id).titleKk()).isEqualTo("Бірінші");
	}

	private MockHttpServletRequestBuilder edit(long id, int version, String title) {
		return post("/events/" + id + "/edit").with(users.as("methodologist")).with(csrf())
			.param("titleKk", title)
			.param("formCode", "SEMINAR_TRAINING")
			.param("topicCodes", "LEGAL_LITERACY")
			.param("startsAt", "2025-10-02T10:00")
			.param("endsAt", "2025-10-02T16:00")
			.param("academicHours", "6")
			.param("venueKind", "COMMITTEE_PREMISES")
			.param("districtId", "4")
			.param("status", "HELD")
			.param("version", Integer.toString(version));
	}

	@Test
	void cancelledEventsLeaveTheCoverage() throws Exception {
		MvcResult created = mvc.perform(seminar("2025-09-15")).andReturn();
		long id = Long.parseLong(created.getResponse().getRedirectedUrl().replace("/events/", ""));
		int version = events.details(users.current("methodologist"), id).version();
		mvc.perform(post("/events/" + id + "/cancel").with(users.as("methodologist")).with(csrf())
			.param("version", Integer.toString(version))).andExpect(status().is3xxRedirection());
		assertThat(reports.annual(users.current("methodologist"), Optional.empty(), 2025).current().trained())
			.isEqualTo(6_101);
	}

	@Test
	void aNamedListDerivesTheHeadCounts() throws Exception {
		MvcResult created = mvc.perform(seminar("2025-08-20")).andReturn();
		long id = Long.parseLong(created.getResponse().getRedirectedUrl().replace("/events/", ""));
		mvc.perform(post("/events/" + id + "/participants").with(users.as("methodologist")).with(csrf())
			.param("rows[0].fullName", "Сейітова Айгерім")
			.param("rows[0].organization", "Алға ауданы, №1 орта мектеп")
			.param("rows[0].categoryCode", "CHAIR")
			.param("rows[1].fullName", "Петрова Анна")
			.param("rows[1].organization", "Средняя школа №2, Алгинский район")
			.param("rows[1].categoryCode", "UNION_MEMBER")
			.param("rows[1].position", "учитель"))
			.andExpect(status().is3xxRedirection());
		EventDetails event = events.details(users.current("methodologist"), id);
		assertThat(event.namedParticipants()).isEqualTo(2);
		assertThat(event.totalParticipants()).isEqualTo(2);
		assertThat(event.headCounts()).containsEntry("CHAIR", 1).containsEntry("UNION_MEMBER", 1).containsEntry("ACTIVIST", 0);

		// The same person from the same organization again, and an unknown organization: nothing is added.
		mvc.perform(post("/events/" + id + "/participants").with(users.as("methodologist")).with(csrf())
			.param("rows[0].fullName", "сейітова  айгерім")
			.param("rows[0].organization", "Алға ауданы, №1 орта мектеп")
			.param("rows[0].categoryCode", "CHAIR"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasErrors("grid"));
		mvc.perform(post("/events/" + id + "/participants").with(users.as("methodologist")).with(csrf())
			.param("rows[0].fullName", "Жаңа Адам")
			.param("rows[0].organization", "Алға ауданы, №1 орта мектепп")
			.param("rows[0].categoryCode", "CHAIR"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("grid", "rows[0].organization", "training.error.organizationSuggest"));
		assertThat(events.participants(users.current("methodologist"), id)).hasSize(2);

		// Counts of an event with a list cannot be typed over.
		mvc.perform(post("/events/" + id + "/attendance").with(users.as("methodologist")).with(csrf())
			.param("headCounts[CHAIR]", "500"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("flashError", "training.error.countsFromList"));
		assertThat(events.details(users.current("methodologist"), id).totalParticipants()).isEqualTo(2);
	}

	@Test
	void readersReadButOnlyWritersWrite() throws Exception {
		mvc.perform(get("/events").with(users.as("executive"))).andExpect(status().isOk());
		mvc.perform(get("/events/new").with(users.as("executive"))).andExpect(status().isForbidden());
		mvc.perform(seminar("2025-11-20").with(users.as("executive"))).andExpect(status().isForbidden());
		mvc.perform(get("/events").with(users.as("chair"))).andExpect(status().isForbidden());
		mvc.perform(get("/events/calendar").with(users.as("chair"))).andExpect(status().isForbidden());
	}

	@Test
	void pagesRenderInTheThreeLanguages() throws Exception {
		long id = events.search(users.current("methodologist"), EventCriteria.ofYear(2025)).getContent().get(0).id();
		for (String lang : new String[] { "kk", "ru", "en" }) {
			for (String path : new String[] { "/events?year=2025", "/events/" + id, "/events/" + id + "/edit",
					"/events/new", "/events/calendar?year=2025&month=3", "/events/" + id + "/participants" }) {
				mvc.perform(get(path).param("lang", lang).with(users.as("methodologist"))).andExpect(status().isOk());
			}
		}
	}
}
