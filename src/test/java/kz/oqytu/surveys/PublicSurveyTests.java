package kz.oqytu.surveys;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.training.TrainingEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import java.time.Clock;

/**
 * The survey a participant opens from the QR code: no account, no JavaScript, one answer per device.
 * Each test opens the survey of a planned event of its own, so tests never share responses.
 */
@OqytuIntegrationTest
class PublicSurveyTests {

	@Autowired
	Clock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Surveys surveys;

	@Autowired
	TrainingEvents events;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.context.ApplicationContext context;

	private long eventId;

	private EventSurveyView survey;

	@BeforeEach
	void openASurvey() {
		CurrentUser methodologist = users.current("methodologist");
		// A planned event of its own (in 2027, outside the pinned figures) whose survey is opened early.
		eventId = events.create(methodologist, new kz.oqytu.training.EventCommand("Сауалнама сынағы", "Проверка анкеты",
				"THEMATIC_SEMINAR", java.util.Set.of("LABOUR_LAW"), LocalDateTime.of(2027, 3, 10, 10, 0),
				LocalDateTime.of(2027, 3, 10, 13, 0), java.math.BigDecimal.valueOf(3),
				kz.oqytu.training.VenueKind.REGIONAL_OFFICE, null, null, null, null, java.util.Set.of(), null, null,
				kz.oqytu.training.EventStatus.PLANNED, java.util.Map.of()));
		surveys.openNow(methodologist, eventId, SurveyKind.POST_EVENT);
		survey = surveys.one(methodologist, eventId, SurveyKind.POST_EVENT);
	}

	private String path() {
		return "/s/" + survey.token();
	}

	private MockHttpServletRequestBuilder answer(UUID device) {
		return answer(device, "Phone " + device);
	}

	private MockHttpServletRequestBuilder answer(UUID device, String userAgent) {
		return post(path()).with(csrf())
			.with(kz.oqytu.surveys.domain.SignedForms.form(context, survey.id(), device))
			.header("User-Agent", userAgent)
			.param("q_usefulness", "5")
			.param("q_applicability", "4")
			.param("q_will_apply", "YES")
			.param("q_next_topics", "LEGAL_LITERACY", "FINANCIAL_LITERACY")
			.param("q_category", "ACTIVIST")
			.param("q_comments", "Өте пайдалы семинар");
	}

	private long responses() {
		return jdbc.sql("select count(*) from survey_response where event_survey_id = :s")
			.param("s", survey.id()).query(Long.class).single();
	}

	@Test
	void aStoredAnswerCostsTwoStatementsWithoutAnAuditActor() throws Exception {
		kz.oqytu.testsupport.StatementCounter.reset();
		mvc.perform(answer(UUID.randomUUID())).andExpect(redirectedUrl(path() + "/thanks"));
		// the answer limits' count with the survey, its current version and its event (one statement, decision
		// 0041), then the response with its answers (one); no actor is set (answers are not audited)
		assertThat(kz.oqytu.testsupport.StatementCounter.statements()).hasSize(2);
		assertThat(kz.oqytu.testsupport.StatementCounter.statements().get(0)).contains("survey_submit_count");
		assertThat(responses()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from survey_answer a join survey_response r on r.id = a.response_id"
				+ " where r.event_survey_id = :s").param("s", survey.id()).query(Long.class).single())
			.as("usefulness, applicability, will apply, two topics, category, comment").isEqualTo(7);
	}

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("answers")
	JdbcClient answerJdbc;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	@Test
	void answersRunOnTheirOwnPoolWherePostgresKeepsTheirPlans() throws Exception {
		// decision 0060: the application's pool plans every statement anew, the answers' pool keeps the default
		assertThat(jdbc.sql("show plan_cache_mode").query(String.class).single()).isEqualTo("force_custom_plan");
		assertThat(answerJdbc.sql("show plan_cache_mode").query(String.class).single()).isEqualTo("auto");
		assertThat(answerJdbc.sql("show jit").query(String.class).single()).isEqualTo("off");
		mvc.perform(answer(UUID.randomUUID())).andExpect(redirectedUrl(path() + "/thanks"));
		assertThat(responses()).isEqualTo(1);
		// the last statement of one of the answers' connections stored this answer
		assertThat(jdbc.sql("select count(*) from pg_stat_activity where datname = current_database()"
				+ " and application_name = 'oqytu-answers' and query like '%insert into survey_response %'")
			.query(Long.class).single()).isPositive();
		// measured like the application's pool, under its own name (docs/operations.md)
		assertThat(meters.find("hikaricp.connections.max").tag("pool", "oqytu-answers").gauge()).isNotNull()
			.extracting(g -> g.value()).isEqualTo(5.0);
	}

	@Test
	void theQrCodeDecodesToExactlyTheSurveyAddress() throws Exception {
		byte[] png = mvc.perform(get("/events/" + eventId + "/survey/qr.png").param("size", "300")
			.with(users.as("methodologist")))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/png"))
			.andReturn().getResponse().getContentAsByteArray();
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		assertThat(image.getWidth()).isEqualTo(300);
		String decoded = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
				new BufferedImageLuminanceSource(image)))).getText();
		assertThat(decoded).isEqualTo("http://localhost:8080/s/" + survey.token());
		assertThat(survey.token()).matches("[A-Za-z0-9_-]{22}");
		String svg = mvc.perform(get("/events/" + eventId + "/survey/qr.svg").with(users.as("methodologist")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(svg).startsWith("<svg").contains("viewBox");
	}

	@Test
	void theQrCodeIsPublicByTokenCacheableAndTheSame() throws Exception {
		byte[] byToken = mvc.perform(get("/s/" + survey.token() + "/qr.png").param("size", "300"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/png"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("Cache-Control", org.hamcrest.Matchers.containsString("public")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.doesNotExist("Set-Cookie"))
			.andReturn().getResponse().getContentAsByteArray();
		byte[] byEvent = mvc.perform(get("/events/" + eventId + "/survey/qr.png").param("size", "300")
			.with(users.as("methodologist"))).andReturn().getResponse().getContentAsByteArray();
		assertThat(byToken).isEqualTo(byEvent);
		mvc.perform(get("/s/AAAAAAAAAAAAAAAAAAAAAA/qr.png")).andExpect(status().isNotFound());
		// the size read from the query by hand: none is the default, a bound applies, a word is refused
		byte[] plain = mvc.perform(get("/s/" + survey.token() + "/qr.png")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(plain)).getWidth())
			.isEqualTo(kz.oqytu.surveys.QrCodes.DEFAULT_SIZE);
		byte[] huge = mvc.perform(get("/s/" + survey.token() + "/qr.png").param("size", "100000"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(huge)).getWidth())
			.isEqualTo(kz.oqytu.surveys.QrCodes.MAX_SIZE);
		assertThat(mvc.perform(get("/s/" + survey.token() + "/qr.png").param("size", " ")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray()).isEqualTo(plain);
		mvc.perform(get("/s/" + survey.token() + "/qr.png").param("size", "big")).andExpect(status().isBadRequest());
	}

	@Test
	void theSurveyFormKeepsNoServerSession() throws Exception {
		var result = mvc.perform(get("/s/" + survey.token())).andExpect(status().isOk()).andReturn();
		assertThat(result.getRequest().getSession(false)).isNull();
		assertThat(result.getResponse().getHeaders("Set-Cookie")).noneMatch(c -> c.startsWith("OQYTU_SESSION="));
	}

	@Test
	void qrImagesAreBoundedInSize() throws Exception {
		byte[] huge = mvc.perform(get("/events/" + eventId + "/survey/qr.png").param("size", "100000")
			.with(users.as("methodologist"))).andReturn().getResponse().getContentAsByteArray();
		assertThat(ImageIO.read(new ByteArrayInputStream(huge)).getWidth()).isEqualTo(QrCodes.MAX_SIZE);
	}

	@Test
	void theFormWorksWithNoSessionAndNoJavaScript() throws Exception {
		MvcResult form = mvc.perform(get(path()).param("lang", "ru"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Будете ли вы применять")))
			.andReturn();
		assertThat(form.getResponse().getCookie("OQYTU_DEVICE")).isNotNull();
		String html = form.getResponse().getContentAsString();
		assertThat(html).contains("name=\"_csrf\"").doesNotContain("<script>").doesNotContain("bootstrap");
		// A plain HTML post with the session that rendered the form (for its CSRF token).
		MockHttpSession session = (MockHttpSession) form.getRequest().getSession();
		mvc.perform(answer(UUID.randomUUID()).session(session)).andExpect(redirectedUrl(path() + "/thanks"));
		assertThat(responses()).isEqualTo(1);
	}

	@Test
	void aSecondAnswerFromTheSameDeviceIsRefusedAndNothingIsStored() throws Exception {
		UUID device = UUID.randomUUID();
		mvc.perform(answer(device)).andExpect(redirectedUrl(path() + "/thanks"));
		mvc.perform(answer(device))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Сіз жауап бердіңіз")));
		assertThat(responses()).isEqualTo(1);
	}

	@Test
	void aHundredDevicesAtOnceAreAHundredResponses() throws Exception {
		List<Callable<Integer>> posts = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			UUID device = UUID.randomUUID();
			posts.add(() -> mvc.perform(answer(device).with(r -> {
				r.setRemoteAddr("10.0.0.1");
				return r;
			})).andReturn().getResponse().getStatus());
		}
		assertThat(runAll(posts)).containsOnly(302);
		assertThat(responses()).isEqualTo(100);
	}

	@Test
	void tenPostsFromOneDeviceAtOnceAreOneResponse() throws Exception {
		UUID device = UUID.randomUUID();
		List<Callable<Integer>> posts = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			posts.add(() -> mvc.perform(answer(device)).andReturn().getResponse().getStatus());
		}
		List<Integer> statuses = runAll(posts);
		assertThat(statuses).filteredOn(s -> s == 302).hasSize(1);
		assertThat(statuses).filteredOn(s -> s == 200).hasSize(9);
		assertThat(responses()).isEqualTo(1);
	}

	@Test
	void oneDeviceWithFreshCookiesEveryTimeIsFlagged() throws Exception {
		for (int i = 0; i < 30; i++) {
			mvc.perform(answer(UUID.randomUUID(), "Same phone")).andExpect(status().is3xxRedirection());
		}
		long flagged = jdbc.sql("select count(*) from survey_response where event_survey_id = :s and flagged")
			.param("s", survey.id()).query(Long.class).single();
		assertThat(responses()).isEqualTo(30);
		assertThat(flagged).isEqualTo(10);
		assertThat(surveys.one(users.current("methodologist"), eventId, SurveyKind.POST_EVENT).flagged()).isEqualTo(10);
	}

	@Test
	void invalidAnswersAreExplainedAndKeptOnThePage() throws Exception {
		mvc.perform(post(path()).with(csrf()).with(kz.oqytu.surveys.domain.SignedForms.form(context, survey.id(), UUID.randomUUID()))
			.param("lang", "ru")
			.param("q_usefulness", "9")
			.param("q_will_apply", "MAYBE")
			.param("q_comments", "мой комментарий")
			.param("q_organization", "Нет такой школы"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Выберите оценку от 1 до 5.")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Ответьте, пожалуйста.")))
			// the organization question is optional: a name not in the registry never blocks (issue #19)
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Такая организация не найдена"))))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("мой комментарий")));
		mvc.perform(answer(UUID.randomUUID()).param("q_comments", "x".repeat(1001))).andExpect(status().isUnprocessableContent());
		assertThat(responses()).isZero();
	}

	@Test
	void aKnownOrganizationIsRecordedWithTheResponse() throws Exception {
		mvc.perform(answer(UUID.randomUUID()).param("q_organization", "Средняя школа №1, Алгинский район"))
			.andExpect(status().is3xxRedirection());
		Long organization = jdbc.sql("select organization_id from survey_response where event_survey_id = :s")
			.param("s", survey.id()).query(Long.class).single();
		assertThat(organization).isNotNull();
	}

	@Test
	void aClosedSurveyStoresNothingFromAFormOpenedAfterItClosed() throws Exception {
		surveys.closeNow(users.current("methodologist"), eventId, SurveyKind.POST_EVENT);
		// the link now says when the follow-up opens
		mvc.perform(get(path())).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Семинардан кейінгі сауалнама жабылды.")));
		UUID device = UUID.randomUUID();
		mvc.perform(answer(device).with(kz.oqytu.surveys.domain.SignedForms.form(
				kz.oqytu.surveys.domain.SignedForms.deviceCookie(context, device),
				kz.oqytu.surveys.domain.SignedForms.formToken(context, survey.id(), device, java.time.Instant.now(clock)))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Сауалнама жабылды")));
		assertThat(responses()).isZero();
	}

	@Test
	void aSurveyNotYetOpenSaysWhenItOpens() throws Exception {
		LocalDateTime next = LocalDateTime.now(clock).plusDays(3).withNano(0).withSecond(0);
		surveys.setWindow(users.current("methodologist"), eventId, SurveyKind.POST_EVENT, next, next.plusDays(1));
		mvc.perform(get(path())).andExpect(content().string(org.hamcrest.Matchers.containsString("ашылады")));
		mvc.perform(answer(UUID.randomUUID())).andExpect(status().isOk());
		assertThat(responses()).isZero();
	}

	@Test
	void anUnknownSurveyIsA404() throws Exception {
		mvc.perform(get("/s/AAAAAAAAAAAAAAAAAAAAAA")).andExpect(status().isNotFound());
		mvc.perform(get("/s/not a token")).andExpect(status().isNotFound());
		mvc.perform(post("/s/AAAAAAAAAAAAAAAAAAAAAA").with(csrf()).param("q_usefulness", "5"))
			.andExpect(status().isNotFound());
	}

	@Test
	void theShortCodeOpensTheSameSurvey() throws Exception {
		String typed = survey.shortCode().toLowerCase().substring(0, 4) + " - " + survey.shortCode().substring(4);
		mvc.perform(get("/s").param("code", typed)).andExpect(redirectedUrl(path()));
		mvc.perform(get("/s").param("code", "ZZZZ2222").param("lang", "ru"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Такой код не найден")));
		mvc.perform(get("/s")).andExpect(status().isOk());
	}

	@Test
	void theHandoutCarriesTheCodeAndBothLanguages() throws Exception {
		mvc.perform(get("/events/" + eventId + "/survey/handout").with(users.as("methodologist")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(survey.shortCode())))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Отсканируйте QR-код")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("QR-кодты сканерлеңіз")));
		byte[] pdf = mvc.perform(get("/events/" + eventId + "/survey/handout.pdf").with(users.as("methodologist")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
			assertThat(text.replaceAll("\\s", "")).contains(survey.shortCode());
			assertThat(text).contains("Отсканируйте");
		}
	}

	@Test
	void onlyStaffSeeTheQrCodeAndOnlyWritersOpenSurveys() throws Exception {
		mvc.perform(get("/events/" + eventId + "/survey").with(users.as("chair"))).andExpect(status().isForbidden());
		mvc.perform(get("/events/" + eventId + "/survey/qr.png").with(users.as("chair"))).andExpect(status().isForbidden());
		mvc.perform(get("/events/" + eventId + "/survey").with(users.as("executive"))).andExpect(status().isOk());
		mvc.perform(post("/events/" + eventId + "/survey/close").with(users.as("executive")).with(csrf())
			.param("kind", "POST_EVENT")).andExpect(status().isForbidden());
	}

	private static List<Integer> runAll(List<Callable<Integer>> tasks) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(10);
		try {
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> f : pool.invokeAll(tasks)) {
				statuses.add(f.get());
			}
			return statuses;
		}
		finally {
			pool.shutdown();
		}
	}
}
