package kz.oqytu.certificates;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.AccountCommand;
import kz.oqytu.accounts.Accounts;
import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.Role;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.shared.NumberFormats;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.PdfQrCodes;
import kz.oqytu.testsupport.Users;
import kz.oqytu.training.EventCommand;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.ParticipantCommand;
import kz.oqytu.training.TrainingEvents;
import kz.oqytu.training.VenueKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue #20, part 2: certificates of attendance on the real database. A held event of the demo region
 * with a Kazakh and a Russian participant; the PDF's text read back with PDFBox, its QR code decoded by
 * zxing from the rendered page, the decoded address opened anonymously; revocation, unknown codes, the
 * limit, the parts of a long list, and who is refused. Everything rolls back.
 */
@OqytuIntegrationTest
@Transactional
class CertificateTests {

	static final String TITLE_KK = "Еңбек құқығының негіздері: ұжымдық шарт";

	static final String TITLE_RU = "Основы трудового права: коллективный договор";

	static final String KAZAKH_NAME = "Әсемгүл Қайратқызы Нұрланова";

	static final String RUSSIAN_NAME = "Ольга Сергеевна Иванова";

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	TrainingEvents events;

	@Autowired
	Organizations organizations;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	long eventId;

	long kazakh;

	long russian;

	LocalDate startsOn;

	@BeforeEach
	void heldEventWithTwoParticipants() {
		CurrentUser methodologist = users.current("methodologist");
		long orgA = jdbc.sql("select scope_unit_id from app_user where username = 'chair'").query(Long.class).single();
		startsOn = LocalDate.now(clock).minusDays(10);
		LocalDateTime starts = startsOn.atTime(10, 0);
		eventId = events.create(methodologist, new EventCommand(TITLE_KK, TITLE_RU, "THEMATIC_SEMINAR", Set.of("LABOUR_LAW"),
				starts, starts.plusDays(1).withHour(17), BigDecimal.valueOf(12), VenueKind.REGIONAL_OFFICE, null, null, null,
				null, Set.of(), null, null, EventStatus.HELD, Map.of()));
		events.addParticipants(methodologist, eventId, List.of(new ParticipantCommand(KAZAKH_NAME, orgA, "UNION_MEMBER", null),
				new ParticipantCommand(RUSSIAN_NAME, orgA, "UNION_MEMBER", null)));
		kazakh = participant(KAZAKH_NAME);
		russian = participant(RUSSIAN_NAME);
	}

	private long participant(String name) {
		return jdbc.sql("select id from event_participant where event_id = :e and full_name = :n")
			.param("e", eventId).param("n", name).query(Long.class).single();
	}

	@Test
	void aCertificateInKazakhCarriesNameEventDatesAndAQrCodeThatOpensItsVerificationPage() throws Exception {
		byte[] pdf = download("methodologist", "/events/" + eventId + "/certificates/" + kazakh + ".pdf");
		String text = text(pdf);
		String dates = NumberFormats.date(startsOn) + " – " + NumberFormats.date(startsOn.plusDays(1));
		assertThat(text).contains("СЕРТИФИКАТ", KAZAKH_NAME, TITLE_KK, dates, "Өткізілген мерзімі", "Ұйымдастырушы",
				"Ұйымдастырушының қолы", "12,0").doesNotContain(RUSSIAN_NAME, TITLE_RU);

		URI url = URI.create(qrCode(pdf));
		assertThat(url.getPath()).matches("/certificates/[A-Za-z0-9_-]{22}");
		assertThat(url.getQuery()).isEqualTo("lang=kk");
		String page = open(url);
		assertThat(page).contains(KAZAKH_NAME, TITLE_KK, dates, "Сертификат жарамды").doesNotContain(RUSSIAN_NAME);

		// printed again: the same certificate, the same code
		assertThat(qrCode(download("methodologist", "/events/" + eventId + "/certificates/" + kazakh + ".pdf")))
			.isEqualTo(url.toString());
		assertThat(jdbc.sql("select count(*) from certificate where event_id = :e").param("e", eventId).query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aParticipantWhoChoseRussianGetsARussianCertificateAndARussianVerificationPage() throws Exception {
		mvc.perform(post("/events/" + eventId + "/certificates/language").with(users.as("methodologist")).with(csrf())
			.param("participantId", String.valueOf(russian)).param("language", "ru"));
		byte[] pdf = download("methodologist", "/events/" + eventId + "/certificates/" + russian + ".pdf");
		String text = text(pdf);
		assertThat(text).contains("СЕРТИФИКАТ", "Настоящий сертификат подтверждает", RUSSIAN_NAME, TITLE_RU,
				NumberFormats.date(startsOn), "Сроки проведения", "Организатор", "Подпись организатора")
			.doesNotContain(TITLE_KK);
		URI url = URI.create(qrCode(pdf));
		assertThat(url.getQuery()).isEqualTo("lang=ru");
		assertThat(open(url)).contains(RUSSIAN_NAME, TITLE_RU, NumberFormats.date(startsOn), "Сертификат действителен")
			.doesNotContain(KAZAKH_NAME);
	}

	@Test
	void theEventsLanguageAppliesToEveryoneWithoutAChoiceOfTheirOwn() throws Exception {
		mvc.perform(post("/events/" + eventId + "/certificates/language").with(users.as("methodologist")).with(csrf())
			.param("language", "ru"));
		mvc.perform(post("/events/" + eventId + "/certificates/language").with(users.as("methodologist")).with(csrf())
			.param("participantId", String.valueOf(kazakh)).param("language", "kk"));
		byte[] pdf = download("methodologist", "/events/" + eventId + "/certificates.pdf?part=1");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(2);
			PDFTextStripper stripper = new PDFTextStripper();
			String all = stripper.getText(document);
			assertThat(all).contains(KAZAKH_NAME, TITLE_KK, "Осы сертификат", RUSSIAN_NAME, TITLE_RU, "Настоящий сертификат");
		}
		assertThat(jdbc.sql("select count(*) from certificate where event_id = :e and revoked_at is null")
			.param("e", eventId).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void aRevokedOrUnknownCodeAnswers404AndReprintingIssuesANewCode() throws Exception {
		String first = qrCode(download("methodologist", "/events/" + eventId + "/certificates/" + kazakh + ".pdf"));
		assertThat(mvc.perform(post("/events/" + eventId + "/certificates/" + kazakh + "/revoke")
			.with(users.as("methodologist")).with(csrf())).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/events/" + eventId + "/certificates");
		MockHttpServletResponse revoked = mvc.perform(get(URI.create(first).getPath())).andReturn().getResponse();
		assertThat(revoked.getStatus()).isEqualTo(404);
		assertThat(revoked.getContentAsString()).doesNotContain(KAZAKH_NAME, TITLE_KK).contains("Сертификат табылмады");
		for (String unknown : new String[] { "AAAAAAAAAAAAAAAAAAAAAA", "not-a-code", "x".repeat(300), "AAAAAAAAAAAAAAAAAAAAA!" }) {
			assertThat(mvc.perform(get("/certificates/" + unknown)).andReturn().getResponse().getStatus()).as(unknown)
				.isEqualTo(404);
		}
		// revoking again: nothing in force, a message, nothing changed
		MockHttpServletResponse again = mvc.perform(post("/events/" + eventId + "/certificates/" + kazakh + "/revoke")
			.with(users.as("methodologist")).with(csrf())).andReturn().getResponse();
		assertThat(again.getRedirectedUrl()).isEqualTo("/events/" + eventId + "/certificates");
		assertThat(jdbc.sql("select count(*) from certificate where event_id = :e").param("e", eventId).query(Long.class)
			.single()).isEqualTo(1);

		String second = qrCode(download("methodologist", "/events/" + eventId + "/certificates/" + kazakh + ".pdf"));
		assertThat(second).isNotEqualTo(first);
		assertThat(open(URI.create(second))).contains(KAZAKH_NAME);
		// the participant taken off the list: their certificate no longer verifies
		events.removeParticipant(users.current("methodologist"), eventId, kazakh);
		assertThat(mvc.perform(get(URI.create(second).getPath())).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void theVerificationPageIsLimitedPerAddress() throws Exception {
		RequestPostProcessor from = request -> {
			request.setRemoteAddr("203.0.113.77");
			return request;
		};
		int ok = 0;
		int status = 0;
		for (int n = 0; n < 100 && status != 429; n++) {
			status = mvc.perform(get("/certificates/AAAAAAAAAAAAAAAAAAAAAA").with(from)).andReturn().getResponse().getStatus();
			if (status == 404) {
				ok++;
			}
		}
		assertThat(status).isEqualTo(429);
		assertThat(ok).isGreaterThanOrEqualTo(30);
		MockHttpServletResponse busy = mvc.perform(get("/certificates/AAAAAAAAAAAAAAAAAAAAAA?lang=ru").with(from))
			.andReturn().getResponse();
		assertThat(busy.getStatus()).isEqualTo(429);
		assertThat(busy.getHeader("Retry-After")).isEqualTo("60");
		assertThat(busy.getContentAsString()).contains("Слишком много запросов");
		// another address is not held up
		assertThat(mvc.perform(get("/certificates/AAAAAAAAAAAAAAAAAAAAAA").with(request -> {
			request.setRemoteAddr("203.0.113.78");
			return request;
		})).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void theLookupCountsKeepOnlyTheLastMinutesAddresses() throws Exception {
		jdbc.sql("insert into certificate_lookup_count (client, minute, lookups) values ('198.51.100.9', 1, 5)").update();
		assertThat(mvc.perform(get("/certificates/AAAAAAAAAAAAAAAAAAAAAA").with(request -> {
			request.setRemoteAddr("203.0.113.79");
			return request;
		})).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(jdbc.sql("select client from certificate_lookup_count").query(String.class).list())
			.contains("203.0.113.79")
			.doesNotContain("198.51.100.9");
	}

	@Test
	void aLongListIsPrintedInPartsOf200() throws Exception {
		long orgA = jdbc.sql("select scope_unit_id from app_user where username = 'chair'").query(Long.class).single();
		List<ParticipantCommand> many = new ArrayList<>();
		for (int n = 1; n <= 398; n++) {
			many.add(new ParticipantCommand("Қатысушы " + n, orgA, "UNION_MEMBER", null));
		}
		events.addParticipants(users.current("methodologist"), eventId, many);
		String page = mvc.perform(get("/events/" + eventId + "/certificates").with(users.as("methodologist")))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("/events/" + eventId + "/certificates.pdf?part=1",
				"/events/" + eventId + "/certificates.pdf?part=2", "1-бөлік (1–200)", "2-бөлік (201–400)")
			.doesNotContain("certificates.pdf?part=3");
		assertThat(mvc.perform(get("/events/" + eventId + "/certificates.pdf?part=3").with(users.as("methodologist")))
			.andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from certificate where event_id = :e").param("e", eventId).query(Long.class)
			.single()).isZero();
	}

	@Test
	void onlyHeldEventsGetCertificatesAndABadLanguageChangesNothing() throws Exception {
		int version = jdbc.sql("select version from training_event where id = :e").param("e", eventId).query(Integer.class).single();
		events.cancel(users.current("methodologist"), eventId, version);
		var refused = mvc.perform(get("/events/" + eventId + "/certificates/" + kazakh + ".pdf")
			.with(users.as("methodologist"))).andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(303);
		assertThat(refused.getFlashMap().get("flashError")).isEqualTo("certificates.notHeld");
		assertThat(jdbc.sql("select count(*) from certificate where event_id = :e").param("e", eventId).query(Long.class)
			.single()).isZero();

		var bad = mvc.perform(post("/events/" + eventId + "/certificates/language")
			.with(users.as("methodologist")).with(csrf()).param("language", "de")).andReturn();
		assertThat(bad.getFlashMap().get("flashError")).isEqualTo("certificates.language.invalid");
		assertThat(jdbc.sql("select count(*) from certificate_language where event_id = :e").param("e", eventId)
			.query(Long.class).single()).isZero();
	}

	@Test
	void anotherRegionsMethodologistTheExecutiveAndChairsAreRefused() throws Exception {
		CurrentUser admin = users.current("admin");
		long regionB = organizations.createRegion(admin, "Сертификат сынағы облысы 45", "Область проверки сертификатов 45");
		accounts.create(new AccountCommand("cert.b.methodologist", "cert.b.methodologist", null, Role.METHODOLOGIST, regionB,
				"certificate-password-45"));
		String ev = "/events/" + eventId + "/certificates";
		for (String who : new String[] { "cert.b.methodologist", "executive", "chair" }) {
			List<MockHttpServletResponse> answers = List.of(
					mvc.perform(get(ev).with(users.as(who))).andReturn().getResponse(),
					mvc.perform(get(ev + "/" + kazakh + ".pdf").with(users.as(who))).andReturn().getResponse(),
					mvc.perform(get(ev + ".pdf?part=1").with(users.as(who))).andReturn().getResponse(),
					mvc.perform(post(ev + "/" + kazakh + "/revoke").with(users.as(who)).with(csrf())).andReturn().getResponse(),
					mvc.perform(post(ev + "/language").param("language", "ru").with(users.as(who)).with(csrf())).andReturn()
						.getResponse());
			for (MockHttpServletResponse answer : answers) {
				assertThat(answer.getStatus()).as(who).isEqualTo(403);
				assertThat(answer.getContentAsString()).as(who).doesNotContain(KAZAKH_NAME, TITLE_KK);
			}
		}
		assertThat(jdbc.sql("select count(*) from certificate where event_id = :e").param("e", eventId).query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from certificate_language where event_id = :e").param("e", eventId)
			.query(Long.class).single()).isZero();
		// the event page links to them for the methodologist
		assertThat(mvc.perform(get("/events/" + eventId).with(users.as("methodologist"))).andReturn().getResponse()
			.getContentAsString()).contains("/events/" + eventId + "/certificates");
	}

	private byte[] download(String who, String path) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(path).with(users.as(who))).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("application/pdf");
		return response.getContentAsByteArray();
	}

	private String open(URI url) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(url.getPath() + "?" + url.getQuery())).andReturn().getResponse();
		assertThat(response.getStatus()).as(url.toString()).isEqualTo(200);
		assertThat(response.getCookie("OQYTU_SESSION")).as("no session for a phone").isNull();
		return response.getContentAsString();
	}

	static String text(byte[] pdf) throws Exception {
		return PdfQrCodes.text(pdf);
	}

	static String qrCode(byte[] pdf) throws Exception {
		return PdfQrCodes.qrCode(pdf);
	}
}
