package kz.oqytu.surveys;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.training.EventCriteria;
import kz.oqytu.training.TrainingEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The methodologist edits questionnaires without code: a version nobody answered is changed, one
 * with answers is followed by a new version, and the answers stay with the version they answered.
 * Every test rolls back.
 */
@OqytuIntegrationTest
@Transactional
class QuestionnaireEditorTests {

	static final long POST_EVENT = 1;

	static final long FOLLOW_UP = 2;

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Questionnaires questionnaires;

	@Autowired
	Surveys surveys;

	@Autowired
	TrainingEvents events;

	@Autowired
	JdbcClient jdbc;

	private QuestionnaireDetails details(long id) {
		return questionnaires.details(users.current("admin"), id, null);
	}

	/** The editor's fields as the GET renders them for the current version. */
	static MultiValueMap<String, String> formOf(QuestionnaireDetails d) {
		MultiValueMap<String, String> p = new LinkedMultiValueMap<>();
		p.add("versionId", Long.toString(d.current().id()));
		p.add("versionNo", Integer.toString(d.current().versionNo()));
		p.add("nameKk", d.nameKk());
		p.add("nameRu", d.nameRu());
		for (int i = 0; i < d.questions().size(); i++) {
			QuestionView q = d.questions().get(i);
			String r = "questions[" + i + "].";
			p.add(r + "existing", "true");
			p.add(r + "code", q.code());
			p.add(r + "type", q.type().name());
			p.add(r + "textKk", q.textKk());
			p.add(r + "textRu", q.textRu());
			p.add("_" + r + "required", "on");
			if (q.required()) {
				p.add(r + "required", "true");
			}
			if (q.maxLength() != null) {
				p.add(r + "maxLength", q.maxLength().toString());
			}
			if (q.type() == QuestionType.SINGLE || q.type() == QuestionType.MULTIPLE) {
				for (int j = 0; j < q.options().size(); j++) {
					String o = r + "options[" + j + "].";
					p.add(o + "existing", "true");
					p.add(o + "code", q.options().get(j).code());
					p.add(o + "textKk", q.options().get(j).textKk());
					p.add(o + "textRu", q.options().get(j).textRu());
				}
			}
		}
		return p;
	}

	private MockHttpServletRequestBuilder save(long id, MultiValueMap<String, String> form) {
		return post("/surveys/questionnaires/" + id + "/edit").with(users.as("methodologist")).with(csrf())
			.params(form)
			.param("save", "1");
	}

	/** A 2025 demo event's survey of the given kind, opened now; the index keeps clear of other tests' events. */
	private EventSurveyView openSurvey(int eventIndex, SurveyKind kind) {
		CurrentUser methodologist = users.current("methodologist");
		long eventId = events.search(methodologist, new EventCriteria(2025, null, null, null, null, null, null, null,
				null, false, 0, 64)).getContent().get(eventIndex).id();
		surveys.openNow(methodologist, eventId, kind);
		return surveys.one(methodologist, eventId, kind);
	}

	/** Makes sure the current version has no responses (another run's may have): a change starts a fresh one. */
	private QuestionnaireDetails unanswered(long id) throws Exception {
		QuestionnaireDetails d = details(id);
		if (d.current().responses() == 0) {
			return d;
		}
		MultiValueMap<String, String> form = formOf(d);
		form.set("questions[0].textRu", d.questions().get(0).textRu() + " (уточнено)");
		mvc.perform(save(id, form)).andExpect(status().is3xxRedirection());
		return details(id);
	}

	@Test
	void editingAVersionNobodyAnsweredChangesItAndKeepsItsNumber() throws Exception {
		QuestionnaireDetails before = unanswered(FOLLOW_UP);
		MultiValueMap<String, String> form = formOf(before);
		form.set("questions[0].textRu", "Удалось ли вам применить знания с семинара?");
		mvc.perform(save(FOLLOW_UP, form))
			.andExpect(redirectedUrl("/surveys/questionnaires/" + FOLLOW_UP))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("flash", "surveys.editor.flash.CHANGED"));
		QuestionnaireDetails after = details(FOLLOW_UP);
		assertThat(after.current().versionNo()).isEqualTo(before.current().versionNo());
		assertThat(after.versions()).hasSameSizeAs(before.versions());
		assertThat(after.questions().get(0).code()).isEqualTo(before.questions().get(0).code());
		assertThat(after.questions().get(0).textRu()).isEqualTo("Удалось ли вам применить знания с семинара?");
		// The public form of a follow-up survey asks the changed question at once.
		EventSurveyView survey = openSurvey(58, SurveyKind.FOLLOW_UP);
		mvc.perform(get("/s/" + survey.token()).param("lang", "ru"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Удалось ли вам применить знания с семинара?")));
	}

	@Test
	void editingAQuestionnaireWithAnswersCreatesANewVersionAndTheAnswersStayWithTheOldOne() throws Exception {
		EventSurveyView survey = openSurvey(60, SurveyKind.POST_EVENT);
		mvc.perform(post("/s/" + survey.token()).with(csrf())
			.with(kz.oqytu.surveys.domain.SignedForms.form(context, survey.id(), UUID.randomUUID()))
			.param("q_usefulness", "5")
			.param("q_applicability", "4")
			.param("q_will_apply", "YES")).andExpect(redirectedUrl("/s/" + survey.token() + "/thanks"));
		QuestionnaireDetails before = details(POST_EVENT);
		assertThat(before.current().responses()).isPositive();

		MultiValueMap<String, String> form = formOf(before);
		int n = before.questions().size();
		form.add("questions[" + n + "].type", "TEXT");
		form.add("questions[" + n + "].textKk", "Бағдарламаға не қосар едіңіз?");
		form.add("questions[" + n + "].textRu", "Что бы вы добавили в программу?");
		form.add("questions[" + n + "].maxLength", "500");
		mvc.perform(save(POST_EVENT, form))
			.andExpect(redirectedUrl("/surveys/questionnaires/" + POST_EVENT))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("flash", "surveys.editor.flash.NEW_VERSION"));

		QuestionnaireDetails after = details(POST_EVENT);
		assertThat(after.current().versionNo()).isEqualTo(before.current().versionNo() + 1);
		assertThat(after.versions()).hasSize(before.versions().size() + 1);
		assertThat(after.versions()).filteredOn(QuestionnaireDetails.VersionRow::current).hasSize(1);
		assertThat(after.questions()).extracting(QuestionView::code)
			.startsWith(before.questions().stream().map(QuestionView::code).toArray(String[]::new))
			.contains("chto_by_vy");
		// Every response of the survey (the demo's paper ones and this one) stays with the version it answered.
		List<Long> answered = jdbc.sql("select distinct r.version_id from survey_response r where r.event_survey_id = :s")
			.param("s", survey.id()).query(Long.class).list();
		assertThat(answered).containsExactly(before.current().id());
		assertThat(questionnaires.details(users.current("admin"), POST_EVENT, before.current().id()).questions())
			.hasSize(n);

		mvc.perform(get("/s/" + survey.token()).param("lang", "ru"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Что бы вы добавили в программу?")))
			.andExpect(content().string(containsString("name=\"q_chto_by_vy\"")));
		mvc.perform(get("/surveys/questionnaires/" + POST_EVENT).with(users.as("executive")).param("lang", "ru"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-version=\"" + after.current().versionNo() + "\"")))
			.andExpect(content().string(containsString("Что бы вы добавили в программу?")));
	}

	@Test
	void invalidQuestionsAreExplainedNextToTheirFieldsAndNothingChanges() throws Exception {
		QuestionnaireDetails before = details(POST_EVENT);
		MultiValueMap<String, String> form = formOf(before);
		form.set("questions[0].type", "SINGLE");
		form.add("questions[4].options[3].code", "yes");
		form.add("questions[4].options[3].textKk", "Әрине");
		form.add("questions[4].options[3].textRu", "Конечно");
		form.set("questions[2].textRu", "");
		mvc.perform(save(POST_EVENT, form).param("lang", "ru"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "questions[0].options", "questions[4].options[3].code",
					"questions[2].textRu"))
			.andExpect(content().string(containsString("Введите не менее 2 вариантов ответа.")))
			.andExpect(content().string(containsString("Такой код уже есть у другого варианта этого вопроса.")))
			.andExpect(content().string(containsString("Обязательное поле")));
		QuestionnaireDetails after = details(POST_EVENT);
		assertThat(after.current().id()).isEqualTo(before.current().id());
		assertThat(after.versions()).hasSameSizeAs(before.versions());
		assertThat(after.questions()).isEqualTo(before.questions());
	}

	@Test
	void aStaleEditorFormIsAConflictAndTheFirstSaveStays() throws Exception {
		QuestionnaireDetails opened = unanswered(FOLLOW_UP);
		MultiValueMap<String, String> first = formOf(opened);
		first.set("questions[1].textRu", "Как именно вы их применили?");
		mvc.perform(save(FOLLOW_UP, first)).andExpect(status().is3xxRedirection());
		MultiValueMap<String, String> second = formOf(opened);
		second.set("questions[1].textRu", "Приведите пример");
		mvc.perform(save(FOLLOW_UP, second)).andExpect(status().isConflict());
		assertThat(details(FOLLOW_UP).questions().get(1).textRu()).isEqualTo("Как именно вы их применили?");
	}

	@Test
	void savingTheSameQuestionsKeepsTheVersionAndSavesTheName() throws Exception {
		QuestionnaireDetails before = details(POST_EVENT);
		MultiValueMap<String, String> form = formOf(before);
		form.set("nameRu", "Анкета участника после мероприятия");
		mvc.perform(save(POST_EVENT, form)).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
			.flash().attribute("flash", "surveys.editor.flash.QUESTIONS_UNCHANGED"));
		QuestionnaireDetails after = details(POST_EVENT);
		assertThat(after.current().id()).isEqualTo(before.current().id());
		assertThat(after.nameRu()).isEqualTo("Анкета участника после мероприятия");
	}

	@Test
	void theEditorAddsMovesAndRemovesRowsWithoutSaving() throws Exception {
		QuestionnaireDetails before = details(FOLLOW_UP);
		int n = before.questions().size();
		mvc.perform(post("/surveys/questionnaires/" + FOLLOW_UP + "/edit").with(users.as("methodologist")).with(csrf())
			.params(formOf(before)).param("addQuestion", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"question-" + n + "\"")));
		MultiValueMap<String, String> moved = formOf(before);
		String html = mvc.perform(post("/surveys/questionnaires/" + FOLLOW_UP + "/edit").with(users.as("methodologist"))
			.with(csrf()).params(moved).param("moveDown", "0"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(html.indexOf("value=\"" + before.questions().get(1).code() + "\""))
			.isLessThan(html.indexOf("value=\"" + before.questions().get(0).code() + "\""));
		mvc.perform(post("/surveys/questionnaires/" + FOLLOW_UP + "/edit").with(users.as("methodologist")).with(csrf())
			.params(formOf(before)).param("removeQuestion", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"question-" + (n - 1) + "\""))));
		// A type changed to single choice comes back with two empty option rows to fill.
		MultiValueMap<String, String> retyped = formOf(before);
		retyped.set("questions[1].type", "SINGLE");
		mvc.perform(post("/surveys/questionnaires/" + FOLLOW_UP + "/edit").with(users.as("methodologist")).with(csrf())
			.params(retyped))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"questions[1].options[1].textRu\"")));
		assertThat(details(FOLLOW_UP)).isEqualTo(before);
	}

	@Test
	void anExecutiveReadsQuestionnairesButCannotEditThem() throws Exception {
		mvc.perform(get("/surveys/questionnaires").with(users.as("executive")).param("lang", "ru"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Анкета после мероприятия")))
			.andExpect(content().string(not(containsString("/surveys/questionnaires/1/edit"))));
		mvc.perform(get("/surveys/questionnaires/" + POST_EVENT).with(users.as("executive"))).andExpect(status().isOk());
		mvc.perform(get("/surveys/questionnaires/" + POST_EVENT + "/edit").with(users.as("executive")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/surveys/questionnaires/" + POST_EVENT + "/edit").with(users.as("executive")).with(csrf())
			.params(formOf(details(POST_EVENT))).param("save", "1")).andExpect(status().isForbidden());
	}

	@Test
	void aChairCannotOpenTheEditorNorTheQuestionnaires() throws Exception {
		mvc.perform(get("/surveys/questionnaires/" + POST_EVENT + "/edit").with(users.as("chair")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/surveys/questionnaires").with(users.as("chair"))).andExpect(status().isForbidden());
	}

	@Test
	void theMethodologistFindsTheEditorFromTheNavigation() throws Exception {
		mvc.perform(get("/surveys/questionnaires").with(users.as("methodologist")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/surveys/questionnaires/1/edit\"")))
			.andExpect(content().string(containsString("href=\"/surveys/interviews\"")));
		mvc.perform(get("/surveys/questionnaires/" + POST_EVENT + "/edit").with(users.as("methodologist")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"questions[0].code\"")))
			.andExpect(content().string(containsString("name=\"save\"")));
	}
}
