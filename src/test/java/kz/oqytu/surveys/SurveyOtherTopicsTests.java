package kz.oqytu.surveys;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.surveys.domain.SignedForms;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.training.EventCommand;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingEvents;
import kz.oqytu.training.VenueKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Topics written under "other" (issue #16, item 4): counted in the results and the demand, grouped
 * by their normalized text, mapped by the methodologist to a catalogue topic and unmapped again,
 * shown only from published answers (decision 22).
 */
@OqytuIntegrationTest
@Transactional
class SurveyOtherTopicsTests {

	private static final String STRESS = "стресске төзімділік";

	private static final String MEDIATION = "медиация в трудовых спорах";

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Surveys surveys;

	@Autowired
	SurveyResults results;

	@Autowired
	TrainingEvents events;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	private CurrentUser methodologist;

	private long eventId;

	@BeforeEach
	void heldEventWithOpenSurvey() {
		methodologist = users.current("methodologist");
		eventId = events.create(methodologist, new EventCommand("«Басқа» тақырыптар семинары", "Семинар о других темах",
				"SEMINAR_TRAINING", Set.of("COMMUNICATION"), LocalDateTime.of(2025, 9, 18, 10, 0),
				LocalDateTime.of(2025, 9, 18, 13, 0), BigDecimal.valueOf(3), VenueKind.COMMITTEE_PREMISES, 12L, null,
				null, null, Set.of(), null, null, EventStatus.HELD, Map.of("ACTIVIST", 10)));
		surveys.openNow(methodologist, eventId, SurveyKind.POST_EVENT);
	}

	private void answer(String other, String... topics) throws Exception {
		EventSurveyView survey = surveys.one(methodologist, eventId, SurveyKind.POST_EVENT);
		mvc.perform(post("/s/" + survey.token()).with(csrf())
			.with(SignedForms.form(context, survey.id(), UUID.randomUUID()))
			.header("User-Agent", UUID.randomUUID().toString())
			.param("q_usefulness", "5")
			.param("q_applicability", "4")
			.param("q_will_apply", "YES")
			.param("q_next_topics", topics)
			.param("q_next_topics_other", other)
			.param("q_category", "ACTIVIST"))
			.andExpect(status().is3xxRedirection());
	}

	/** Five answers: three spellings of one text, two of another, one with a tick of "other" beside. */
	private void fiveAnswers() throws Exception {
		answer("Стресске төзімділік");
		answer("  стресске ТӨЗІМДІЛІК!! ", "OTHER");
		answer("Стресске төзімділік.", "LEGAL_LITERACY");
		answer("Медиация в трудовых спорах", "COMMUNICATION");
		answer("медиация  в трудовых, спорах");
	}

	private KindResults postEvent() {
		return results.forEvent(methodologist, eventId).postEvent();
	}

	private long demand(String topic) {
		return results.demand(methodologist, 2025).stream().filter(l -> l.topicCode().equals(topic))
			.mapToLong(DemandLine::wishes).sum();
	}

	private MvcResult map(String user, String text, String topic) throws Exception {
		return mvc.perform(post("/surveys/other-topics/map").with(csrf()).with(users.as(user))
			.param("text", text).param("topic", topic).param("year", "2025"))
			.andExpect(status().is3xxRedirection()).andReturn();
	}

	@Test
	void textsUnderOtherCountInTheResultsAndTheDemandGroupedByTheirNormalizedText() throws Exception {
		long otherBefore = demand("OTHER");
		long legalBefore = demand("LEGAL_LITERACY");
		fiveAnswers();
		KindResults post = postEvent();
		// each answer once under "other", the tick beside a text included
		assertThat(post.optionCount("next_topics", "OTHER")).isEqualTo(5);
		assertThat(post.optionCount("next_topics", "LEGAL_LITERACY")).isEqualTo(1);
		QuestionResult topics = post.question("next_topics").orElseThrow();
		assertThat(topics.answered()).isEqualTo(5);
		assertThat(topics.otherTexts())
			.extracting(OtherTopicText::key, OtherTopicText::text, OtherTopicText::answers, OtherTopicText::topicCode)
			.containsExactly(tuple(STRESS, "Стресске төзімділік", 3L, null),
					tuple(MEDIATION, "Медиация в трудовых спорах", 2L, null));
		assertThat(topics.texts()).as("the texts are in their groups, not listed one by one").isEmpty();
		assertThat(demand("OTHER")).isEqualTo(otherBefore + 5);
		assertThat(demand("LEGAL_LITERACY")).isEqualTo(legalBefore + 1);
		String html = mvc.perform(get("/events/" + eventId + "/survey/results").param("lang", "ru")
			.with(users.as("methodologist"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("Вписано в «другое» (групп: 2)").contains("Стресске төзімділік")
			.contains("Не сопоставлено: учитывается как «другое»");
	}

	@Test
	void aMappedTextCountsUnderItsTopicInResultsAndDemandUntilItIsUnmapped() throws Exception {
		long otherBefore = demand("OTHER");
		long communicationBefore = demand("COMMUNICATION");
		fiveAnswers();
		MvcResult mapped = map("methodologist", "СТРЕССКЕ — төзімділік", "COMMUNICATION");
		assertThat(mapped.getFlashMap().get("flash")).isEqualTo("surveys.otherTopics.flash.mapped");
		KindResults post = postEvent();
		assertThat(post.optionCount("next_topics", "OTHER")).isEqualTo(2);
		assertThat(post.optionCount("next_topics", "COMMUNICATION")).isEqualTo(4);
		assertThat(post.optionCount("next_topics", "LEGAL_LITERACY")).isEqualTo(1);
		assertThat(post.question("next_topics").orElseThrow().otherTexts())
			.extracting(OtherTopicText::key, OtherTopicText::topicCode)
			.containsExactly(tuple(STRESS, "COMMUNICATION"), tuple(MEDIATION, null));
		assertThat(demand("OTHER")).isEqualTo(otherBefore + 2);
		assertThat(demand("COMMUNICATION")).isEqualTo(communicationBefore + 4);

		// the answer that ticked the topic and wrote a text mapped to it counts once
		map("methodologist", "Медиация в трудовых спорах", "COMMUNICATION");
		assertThat(postEvent().optionCount("next_topics", "COMMUNICATION")).isEqualTo(5);
		assertThat(postEvent().optionCount("next_topics", "OTHER")).isZero();
		assertThat(demand("COMMUNICATION")).isEqualTo(communicationBefore + 5);
		assertThat(demand("OTHER")).isEqualTo(otherBefore);
		assertThat(results.otherTopics(methodologist, 2025)).filteredOn(t -> t.key().equals(STRESS))
			.singleElement().satisfies(t -> {
				assertThat(t.topicCode()).isEqualTo("COMMUNICATION");
				assertThat(t.ownMapping()).isTrue();
				assertThat(t.answers()).isEqualTo(3);
			});

		MvcResult unmapped = mvc.perform(post("/surveys/other-topics/unmap").with(csrf()).with(users.as("methodologist"))
			.param("text", "стресске төзімділік").param("year", "2025")).andExpect(status().is3xxRedirection()).andReturn();
		assertThat(unmapped.getFlashMap().get("flash")).isEqualTo("surveys.otherTopics.flash.unmapped");
		assertThat(postEvent().optionCount("next_topics", "OTHER")).isEqualTo(3);
		assertThat(postEvent().optionCount("next_topics", "COMMUNICATION")).isEqualTo(2);
		assertThat(demand("OTHER")).isEqualTo(otherBefore + 3);
	}

	@Test
	void theNearestBodysMappingWinsAndAHigherOneIsShownAsInherited() throws Exception {
		fiveAnswers();
		map("admin", STRESS, "LABOUR_LAW");
		assertThat(postEvent().optionCount("next_topics", "LABOUR_LAW")).isEqualTo(3);
		OtherTopicText inherited = results.otherTopics(methodologist, 2025).stream()
			.filter(t -> t.key().equals(STRESS)).findFirst().orElseThrow();
		assertThat(inherited.topicCode()).isEqualTo("LABOUR_LAW");
		assertThat(inherited.ownMapping()).as("the region cannot remove the union's mapping, only override it").isFalse();
		String html = mvc.perform(get("/surveys/other-topics").param("year", "2025").param("lang", "ru")
			.with(users.as("methodologist"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("сопоставлено вышестоящей организацией");

		map("methodologist", STRESS, "COMMUNICATION");
		assertThat(postEvent().optionCount("next_topics", "LABOUR_LAW")).isZero();
		assertThat(postEvent().optionCount("next_topics", "COMMUNICATION")).isEqualTo(4);
		// the union's own view keeps its own mapping
		assertThat(results.otherTopics(users.current("admin"), 2025)).filteredOn(t -> t.key().equals(STRESS))
			.singleElement().satisfies(t -> assertThat(t.topicCode()).isEqualTo("LABOUR_LAW"));
	}

	@Test
	void textsWaitForTheirWholeGroupOfFiveBeforeAnyoneSeesThem() throws Exception {
		answer("Стресске төзімділік");
		answer("Медиация в трудовых спорах");
		answer("Кәсіби этика");
		answer("кәсіби ЭТИКА!");
		assertThat(results.otherTopics(methodologist, 2025)).extracting(OtherTopicText::key)
			.doesNotContain(STRESS, MEDIATION, "кәсіби этика");
		assertThat(postEvent().question("next_topics").orElseThrow().otherTexts()).isEmpty();
		String page = mvc.perform(get("/surveys/other-topics").param("year", "2025").with(users.as("methodologist")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).doesNotContain("Кәсіби этика");
		answer("Педагогтердің цифрлық портфолиосы");
		assertThat(results.otherTopics(methodologist, 2025)).filteredOn(t -> t.key().equals("кәсіби этика"))
			.singleElement().satisfies(t -> assertThat(t.answers()).isEqualTo(2));
	}

	@Test
	void theGroupsPageShowsCountsToStaffAndMapFormsToWritersOnly() throws Exception {
		fiveAnswers();
		String kk = mvc.perform(get("/surveys/other-topics").param("year", "2025").param("lang", "kk")
			.with(users.as("methodologist"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(kk).contains("2025 жылғы сауалнамалардағы «басқа» тақырыптар").contains("Стресске төзімділік")
			.contains("/surveys/other-topics/map").contains("Байланыстыру");
		String ru = mvc.perform(get("/surveys/other-topics").param("year", "2025").param("lang", "ru")
			.with(users.as("executive"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(ru).contains("Темы «другое» в анкетах 2025 года").contains("Медиация в трудовых спорах")
			.doesNotContain("/surveys/other-topics/map");
		mvc.perform(get("/surveys/other-topics").with(users.as("chair"))).andExpect(status().isForbidden());
		mvc.perform(post("/surveys/other-topics/map").with(csrf()).with(users.as("executive"))
			.param("text", STRESS).param("topic", "COMMUNICATION")).andExpect(status().isForbidden());
		for (String path : List.of("/surveys/demand?year=2025", "/requests/demand?year=2026&surveyYear=2025")) {
			String demand = mvc.perform(get(path).param("lang", "ru").with(users.as("methodologist")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(demand).as(path).contains("Тексты, вписанные в «другое»").contains("/surveys/other-topics?year=2025");
		}
	}

	@Test
	void aMappingWithoutACatalogueTopicOrTextIsRefusedInTheUsersLanguageAndStoresNothing() throws Exception {
		fiveAnswers();
		for (String[] bad : new String[][] { { STRESS, "OTHER" }, { STRESS, "" }, { STRESS, "ASTROLOGY" },
				{ " «» !! ", "COMMUNICATION" }, { "", "COMMUNICATION" }, { "ә".repeat(2001), "COMMUNICATION" } }) {
			MvcResult result = map("methodologist", bad[0], bad[1]);
			String key = (String) result.getFlashMap().get("flashError");
			assertThat(key).as(bad[1]).startsWith("surveys.otherTopics.error.");
			assertThat(messages.getMessage(key, null, Locale.forLanguageTag("ru"))).matches(m ->
					m.startsWith("Выберите тему каталога") || m.startsWith("Текст пустой"));
		}
		assertThat(messages.getMessage("surveys.otherTopics.error.topic", null, Locale.forLanguageTag("kk")))
			.isEqualTo("«Басқа»-дан өзге каталог тақырыбын таңдаңыз.");
		assertThat(jdbc.sql("select count(*) from survey_topic_mapping").query(Long.class).single()).isZero();
		assertThat(postEvent().optionCount("next_topics", "OTHER")).isEqualTo(5);
	}
}
