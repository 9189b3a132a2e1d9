package kz.oqytu.surveys;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.OrganizationCriteria;
import kz.oqytu.organizations.OrganizationRow;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.shared.NotFoundException;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import java.time.Clock;

/** Interviews with primary organizations: recorded, edited, deleted and found again. All roll back. */
@OqytuIntegrationTest
@Transactional
class InterviewTests {

	@Autowired
	Clock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Interviews interviews;

	@Autowired
	Organizations organizations;

	@Autowired
	JdbcClient jdbc;

	private CurrentUser methodologist;

	private OrganizationRow alga;

	private OrganizationRow shalkar;

	@BeforeEach
	void pickOrganizations() {
		methodologist = users.current("methodologist");
		alga = first(4);
		shalkar = first(15);
	}

	private OrganizationRow first(long district) {
		return organizations.search(methodologist, new OrganizationCriteria(null, district, null, true,
				OrganizationCriteria.Sort.NAME, false, 0, 1)).getContent().get(0);
	}

	private long count() {
		return jdbc.sql("select count(*) from interview").query(Long.class).single();
	}

	private MockHttpServletRequestBuilder interview(String path, String organization, String... changes) {
		return interviewAs("methodologist", path, organization, changes);
	}

	/** The form's fields, filled in; {@code changes} are name, value pairs that replace a field. */
	private MockHttpServletRequestBuilder interviewAs(String user, String path, String organization, String... changes) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("heldOn", "2026-03-05");
		form.add("organization", organization);
		form.add("interviewer", "Сейтқалиева Гүлнар");
		form.add("respondentRole", "БКҰ төрағасы");
		form.add("findings", "Еңбек кодексі бойынша алған білімін ұжымдық шартты жаңартуда қолданды.");
		form.add("usefulness", "5");
		form.add("practicalUse", "4");
		for (int i = 0; i + 1 < changes.length; i += 2) {
			form.set(changes[i], changes[i + 1]);
		}
		return post(path).with(users.as(user)).with(csrf()).params(form);
	}

	private long idOf(MvcResult result) {
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/surveys/interviews/");
		return Long.parseLong(location.substring("/surveys/interviews/".length()));
	}

	@Test
	void anInterviewIsRecordedWithItsOrganizationChosenByName() throws Exception {
		long id = idOf(mvc.perform(interview("/surveys/interviews/new", alga.nameKk()))
			.andExpect(status().is3xxRedirection()).andReturn());
		InterviewView saved = interviews.one(methodologist, id);
		assertThat(saved.organizationId()).isEqualTo(alga.id());
		assertThat(saved.heldOn()).isEqualTo(LocalDate.of(2026, 3, 5));
		assertThat(saved.usefulness()).isEqualTo(5);
		assertThat(saved.practicalUse()).isEqualTo(4);
		assertThat(saved.notes()).isNull();
		assertThat(saved.createdBy()).isEqualTo("methodologist");
		assertThat(id).isGreaterThanOrEqualTo(1000);
		mvc.perform(get("/surveys/interviews/" + id).with(users.as("executive")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("ұжымдық шартты жаңартуда")))
			.andExpect(content().string(not(containsString("/delete"))));
	}

	@Test
	void anInterviewIsEditedAndAStaleFormIsAConflict() throws Exception {
		long id = interviews.create(methodologist, new InterviewCommand(LocalDate.of(2025, 10, 1), alga.id(),
				"Омарова Динара", "мұғалім", "Қаржылық сауаттылық пайдалы болды.", null, null, null));
		int version = interviews.one(methodologist, id).version();
		mvc.perform(interview("/surveys/interviews/" + id + "/edit", shalkar.nameRu(), "usefulness", "", "notes",
				"Келесі жылы қайталау", "version", Integer.toString(version)))
			.andExpect(status().is3xxRedirection());
		InterviewView edited = interviews.one(methodologist, id);
		assertThat(edited.organizationId()).isEqualTo(shalkar.id());
		assertThat(edited.usefulness()).isNull();
		assertThat(edited.notes()).isEqualTo("Келесі жылы қайталау");
		assertThat(edited.version()).isEqualTo(version + 1);
		mvc.perform(interview("/surveys/interviews/" + id + "/edit", alga.nameKk(), "version",
				Integer.toString(version)))
			.andExpect(status().isConflict());
		assertThat(interviews.one(methodologist, id).organizationId()).isEqualTo(shalkar.id());
	}

	@Test
	void anInterviewIsDeletedWithItsVersion() throws Exception {
		long id = interviews.create(methodologist, new InterviewCommand(LocalDate.of(2025, 10, 1), alga.id(),
				"Омарова Динара", "мұғалім", "Пайдалы.", 4, 4, null));
		mvc.perform(post("/surveys/interviews/" + id + "/delete").with(users.as("methodologist")).with(csrf())
			.param("version", "7")).andExpect(status().isConflict());
		mvc.perform(post("/surveys/interviews/" + id + "/delete").with(users.as("methodologist")).with(csrf())
			.param("version", "0")).andExpect(status().is3xxRedirection());
		assertThatThrownBy(() -> interviews.one(methodologist, id)).isInstanceOf(NotFoundException.class);
	}

	@Test
	void theListFiltersByYearDistrictAndOrganization() throws Exception {
		long old = interviews.create(methodologist, new InterviewCommand(LocalDate.of(2025, 4, 10), alga.id(),
				"Омарова Динара", "мұғалім", "Бірінші.", 4, 4, null));
		long recent = interviews.create(methodologist, new InterviewCommand(LocalDate.of(2026, 4, 10), alga.id(),
				"Омарова Динара", "мұғалім", "Екінші.", 5, 5, null));
		long elsewhere = interviews.create(methodologist, new InterviewCommand(LocalDate.of(2026, 5, 10), shalkar.id(),
				"Жұмабаев Ерлан", "тексеру комиссиясының мүшесі", "Үшінші.", 3, 2, null));
		String byYear = page("year", "2026");
		assertThat(byYear).contains(row(recent)).contains(row(elsewhere)).doesNotContain(row(old));
		String byDistrict = page("district", "15");
		assertThat(byDistrict).contains(row(elsewhere)).doesNotContain(row(recent)).doesNotContain(row(old));
		String byName = page("organization", alga.nameKk());
		assertThat(byName).contains(row(old)).contains(row(recent)).doesNotContain(row(elsewhere));
		assertThat(interviews.search(methodologist, new InterviewCriteria(2026, 4L, null, 0, 25)).getContent())
			.extracting(InterviewView::id).containsExactly(recent);
		assertThat(interviews.years(methodologist)).contains(2026, 2025);
	}

	private String page(String filter, String value) throws Exception {
		return mvc.perform(get("/surveys/interviews").param(filter, value).with(users.as("executive")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private static String row(long id) {
		return "data-interview=\"" + id + "\"";
	}

	@Test
	void aRatingOutsideOneToFiveIsRefused() throws Exception {
		long before = count();
		mvc.perform(interview("/surveys/interviews/new", alga.nameKk(), "usefulness", "7").param("lang", "ru"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "usefulness"))
			.andExpect(content().string(containsString("Оценка — от 1 до 5.")));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aDateInTheFutureIsRefused() throws Exception {
		long before = count();
		String tomorrow = LocalDate.now(clock).plusDays(1).toString();
		mvc.perform(interview("/surveys/interviews/new", alga.nameKk(), "heldOn", tomorrow).param("lang", "ru"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "heldOn"))
			.andExpect(content().string(containsString("Дата не может быть в будущем.")));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void findingsAreRequiredAndTheOrganizationMustBeKnown() throws Exception {
		long before = count();
		mvc.perform(interview("/surveys/interviews/new", "Жоқ мектеп", "findings", " ").param("lang", "ru"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "findings", "organization"))
			.andExpect(content().string(containsString("Такая первичная организация не найдена")));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void theServiceChecksTheRulesForEveryCaller() {
		assertThatThrownBy(() -> interviews.create(methodologist, new InterviewCommand(LocalDate.of(2025, 1, 1),
				alga.id(), "x", "y", "z", 6, 0, null)))
			.isInstanceOfSatisfying(SurveyRuleException.class, ex -> assertThat(ex.violations())
				.extracting(v -> v.field()).containsExactly("usefulness", "practicalUse"));
		assertThatThrownBy(() -> interviews.create(methodologist, new InterviewCommand(LocalDate.of(2025, 1, 1), 4L,
				"x", "y", "z", null, null, null)))
			.isInstanceOfSatisfying(SurveyRuleException.class, ex -> assertThat(ex.violations())
				.extracting(v -> v.messageKey()).containsExactly("surveys.interviews.error.organizationUnknown"));
	}

	@Test
	void staffReadInterviewsOnlyWritersRecordThemAndChairsSeeNoList() throws Exception {
		mvc.perform(get("/surveys/interviews").with(users.as("executive"))).andExpect(status().isOk());
		mvc.perform(get("/surveys/interviews/new").with(users.as("executive"))).andExpect(status().isForbidden());
		mvc.perform(interviewAs("executive", "/surveys/interviews/new", alga.nameKk()))
			.andExpect(status().isForbidden());
		mvc.perform(get("/surveys/interviews").with(users.as("chair"))).andExpect(status().isForbidden());
		mvc.perform(get("/surveys/interviews/new").with(users.as("methodologist"))
			.param("organization", Long.toString(alga.id())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"" + alga.nameKk() + "\"")));
	}

	@Test
	void organizationSuggestionsArePrimaryOrganizationsOnly() throws Exception {
		mvc.perform(get("/surveys/interviews/organization-options").with(users.as("methodologist"))
			.param("organization", alga.nameKk().substring(0, 10)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<option")))
			.andExpect(content().string(not(containsString("ауданы</option>"))));
	}
}
