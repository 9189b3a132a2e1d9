package kz.oqytu.operations;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import kz.oqytu.OqytuApplication;
import kz.oqytu.accounts.AccountCommand;
import kz.oqytu.accounts.Accounts;
import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.OqytuPrincipal;
import kz.oqytu.accounts.Role;
import kz.oqytu.materials.MaterialTestFiles;
import kz.oqytu.notifications.Notification;
import kz.oqytu.notifications.Notifications;
import kz.oqytu.notifications.domain.MailSendingJob;
import kz.oqytu.organizations.OrganizationCommand;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.PrimaryKind;
import kz.oqytu.reminders.domain.ReminderJob;
import kz.oqytu.shared.jobs.MaintenanceJobs;
import kz.oqytu.surveys.SurveyKind;
import kz.oqytu.surveys.Surveys;
import kz.oqytu.testsupport.Workbooks;
import kz.oqytu.training.EventCommand;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingEvents;
import kz.oqytu.training.VenueKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #17, part 7: two instances of the whole application over one PostgreSQL, as behind a load
 * balancer without sticky sessions (docs/operations.md, "Running two or more instances"; decision
 * 0037). Each "browser" is an {@link HttpClient} with its own cookie jar, talking real HTTP to both,
 * with the CSRF tokens of the pages it was served. Shown here:
 * <ul>
 * <li>a session signed in on A is the same session on B, and signing out on B ends it on A;</li>
 * <li>jobs started on both at once do their work once: housekeeping (ShedLock), the mail outbox
 * (FOR UPDATE SKIP LOCKED: every message reaches the SMTP server once) and the reminders (ShedLock and
 * one key per reminder: one set of mails);</li>
 * <li>an import uploaded on A is previewed, mapped and committed on B; a material uploaded on A is
 * downloaded from B;</li>
 * <li>the throttles count across both: failed sign-ins split between A and B wait exactly as on one
 * instance, password-reset requests stop at the same hourly limits, and a survey's and a device's
 * answers a minute stop at their limits wherever they are posted.</li>
 * </ul>
 * Both instances run on one clock the test can stop and move ({@link OneClock}), without demo data,
 * on a database of their own; jobs are never left to their schedules but started by the test on both
 * instances together.
 */
class SeveralInstancesTests {

	private static final String PASSWORD = "several-instances-passphrase-1";

	private static final int SMTP_PORT = freePort();

	private static final GreenMail SMTP = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	private static long region;

	private static final List<String> SCHOOLS = List.of("Екі сервер мектебі № 1", "Екі сервер мектебі № 2",
			"Екі сервер мектебі № 3");

	@BeforeAll
	static void startTwoInstances() {
		SMTP.start();
		a = instance();
		b = instance();
		region = jdbc().sql("select min(id) from org_unit where level = 'REGION'").query(Long.class).single();
		account("inst.methodologist", Role.METHODOLOGIST, region, "inst.methodologist@oqytu.test");
		account("inst.executive", Role.EXECUTIVE, region, null);
		// Without demo data the registry has its committees and no primary organization yet: three schools.
		long district = jdbc().sql("select min(o.id) from org_unit o join org_unit r on r.id = :r"
				+ " where o.level = 'COMMITTEE' and o.path like r.path || '_%'")
			.param("r", region).query(Long.class).single();
		for (int i = 0; i < SCHOOLS.size(); i++) {
			a.getBean(Organizations.class).create(user(a, "inst.methodologist"), new OrganizationCommand(SCHOOLS.get(i),
					"Школа двух серверов № " + (i + 1), PrimaryKind.SCHOOL, district, null, null, null, null, true));
		}
	}

	private static ConfigurableApplicationContext instance() {
		// Command-line arguments: they outrank application.yml (server.port: ${PORT:8080}).
		return new SpringApplicationBuilder(OqytuApplication.class, OneClock.class).run("--server.port=0",
				"--oqytu.test.database-name=instances", "--oqytu.demo-data=false",
				// no job on its schedule: the test starts them, on both instances at once
				"--oqytu.jobs.housekeeping-cron=-", "--oqytu.reminders.cron=-", "--oqytu.mail.initial-delay=PT24H",
				"--oqytu.mail.poll-interval=PT24H", "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + SMTP_PORT,
				"--oqytu.mail.from=Oqytu <noreply@oqytu.test>",
				// small answer limits, so a few posts reach them
				"--oqytu.surveys.device-posts-per-minute=4", "--oqytu.surveys.answers-per-minute=6");
	}

	@AfterAll
	static void stop() {
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
		SMTP.stop();
		OneClock.shared = null;
	}

	// ---- sessions

	@Test
	void aSessionSignedInOnOneInstanceIsTheSameSessionOnTheOtherAndSigningOutOnTheOtherEndsIt() throws Exception {
		Browser browser = new Browser();
		browser.signIn(a, "inst.methodologist", PASSWORD);
		HttpResponse<String> onB = browser.get(b, "/events");
		assertThat(onB.statusCode()).as("the cookie A set, on B").isEqualTo(200);
		assertThat(onB.body()).contains("inst.methodologist");
		assertThat(browser.get(a, "/events").statusCode()).isEqualTo(200);

		HttpResponse<String> signOut = browser.post(b, "/logout", Map.of("_csrf", csrf(onB.body())));
		assertThat(location(signOut)).endsWith("/login?logout");
		HttpResponse<String> onA = browser.get(a, "/events");
		assertThat(onA.statusCode()).as("signed out on B, on A").isEqualTo(302);
		assertThat(location(onA)).contains("/login");
	}

	// ---- jobs

	@Test
	void housekeepingStartedOnBothInstancesAtOnceRunsOnce() {
		long before = jdbc().sql("select count(*) from job_run where job = 'housekeeping'").query(Long.class).single();
		together(() -> a.getBean(MaintenanceJobs.class).housekeeping(), () -> b.getBean(MaintenanceJobs.class).housekeeping());
		b.getBean(MaintenanceJobs.class).housekeeping();
		long after = jdbc().sql("select count(*) from job_run where job = 'housekeeping'").query(Long.class).single();
		assertThat(after - before).isEqualTo(1);
	}

	@Test
	void theOutboxSentByBothInstancesAtOnceDeliversEveryMessageOnce() throws Exception {
		drainOutbox();
		int messages = 40;
		TransactionTemplate transactions = new TransactionTemplate(a.getBean(PlatformTransactionManager.class));
		transactions.executeWithoutResult(s -> {
			for (int i = 0; i < messages; i++) {
				a.getBean(Notifications.class).send(new Notification("test", "outbox" + i + "@oqytu.test",
						Locale.forLanguageTag(i % 2 == 0 ? "kk" : "ru"), "test-message", Map.of(), null));
			}
		});
		List<Integer> sent = together(() -> a.getBean(MailSendingJob.class).sendDue(),
				() -> b.getBean(MailSendingJob.class).sendDue(), () -> a.getBean(MailSendingJob.class).sendDue(),
				() -> b.getBean(MailSendingJob.class).sendDue());
		assertThat(sent.stream().mapToInt(Integer::intValue).sum()).as("messages sent by the four runs").isEqualTo(messages);
		for (int i = 0; i < messages; i++) {
			assertThat(received("outbox" + i + "@oqytu.test")).as("outbox" + i).hasSize(1);
		}
	}

	@Test
	void remindersStartedOnBothInstancesAtOnceWriteOneSetOfMailsAndEachArrivesOnce() throws Exception {
		LocalDate today = LocalDate.now(OneClock.shared);
		List<Long> units = jdbc().sql("""
				select o.id from org_unit o join org_unit r on r.id = :r
				where o.level = 'PRIMARY' and o.active and o.path like r.path || '%' order by o.id limit 3""")
			.param("r", region).query(Long.class).list();
		List<Long> chairs = new ArrayList<>();
		for (int i = 0; i < units.size(); i++) {
			chairs.add(account("inst.chair" + i, Role.CHAIR, units.get(i), "inst.chair" + i + "@oqytu.test"));
		}
		jdbc().sql("""
				insert into request_campaign (id, org_unit_id, year, title_kk, title_ru, opens_on, deadline)
				values (nextval('request_campaign_seq'), :r, :year, 'Өтінімдер', 'Заявки', :opens, :deadline)""")
			.param("r", region).param("year", today.getYear() + 1).param("opens", today.minusDays(10))
			.param("deadline", today.plusDays(3)).update();
		drainOutbox();

		// The daily run on both (ShedLock lets one in), then the day's run again on both, past the lock.
		together(() -> a.getBean(ReminderJob.class).daily(), () -> b.getBean(ReminderJob.class).daily());
		together(() -> a.getBean(ReminderJob.class).runFor(today), () -> b.getBean(ReminderJob.class).runFor(today));
		assertThat(chairs).hasSize(3);
		for (long chair : chairs) {
			assertThat(jdbc().sql("select count(*) from mail_outbox where user_id = :u and kind = 'reminder-campaign-deadline'")
				.param("u", chair).query(Long.class).single()).as("reminders written for chair " + chair).isEqualTo(1);
		}
		together(() -> a.getBean(MailSendingJob.class).sendDue(), () -> b.getBean(MailSendingJob.class).sendDue());
		for (int i = 0; i < units.size(); i++) {
			assertThat(received("inst.chair" + i + "@oqytu.test")).as("mails to inst.chair" + i).hasSize(1);
		}
	}

	// ---- uploads

	@Test
	void aBudgetFileUploadedOnOneInstanceIsPreviewedAndCommittedOnTheOther() throws Exception {
		int year = LocalDate.now(OneClock.shared).getYear();
		byte[] file = Workbooks.of(new Object[] { "ID", "Кәсіподақ органы / Профсоюзный орган", "Жыл / Год",
				"Шығыс бөлігі, жоспар / Расходная часть, план", "Шығыс бөлігі, нақты / Расходная часть, факт",
				"Оқытуға шығын, жоспар / Расходы на обучение, план", "Оқытуға шығын, нақты / Расходы на обучение, факт" },
				new Object[] { null, "Алға ауданы", year, 9_500_000, null, 950_000, null });
		Browser browser = new Browser().signIn(a, "inst.methodologist", PASSWORD);
		String form = browser.get(a, "/budget/import").body();
		HttpResponse<String> uploaded = browser.upload(a, "/budget/import", csrf(form), Map.of(), "budget.xlsx", file);
		String preview = location(uploaded);
		assertThat(preview).as("the upload's preview address").matches(".*/budget/import/[0-9a-f-]{36}");

		HttpResponse<String> onB = browser.get(b, path(preview));
		assertThat(onB.statusCode()).as("the preview on B").isEqualTo(200);
		assertThat(onB.body()).contains("/commit");
		HttpResponse<String> committed = browser.post(b, path(preview) + "/commit", Map.of("_csrf", csrf(onB.body())));
		assertThat(location(committed)).contains("/budget?year=" + year);
		assertThat(jdbc().sql("select count(*) from budget b join org_unit o on o.id = b.org_unit_id"
				+ " where o.name_kk = 'Алға ауданы' and b.year = :y").param("y", year).query(Long.class).single()).isEqualTo(1);
		assertThat(browser.get(a, path(preview)).statusCode()).as("committed, the upload is gone for A too").isEqualTo(302);
	}

	@Test
	void aParticipantListUploadedOnOneInstanceIsMappedAndCommittedOnTheOther() throws Exception {
		CurrentUser methodologist = user(a, "inst.methodologist");
		List<String> names = SCHOOLS;
		long event = a.getBean(TrainingEvents.class).create(methodologist, new EventCommand("Екі сервер", "Два сервера",
				"THEMATIC_SEMINAR", Set.of("LEGAL_LITERACY"), LocalDateTime.now(OneClock.shared).plusDays(3).withHour(10),
				LocalDateTime.now(OneClock.shared).plusDays(3).withHour(14), java.math.BigDecimal.valueOf(4),
				VenueKind.REGIONAL_OFFICE, null, null, null, null, Set.of(), null, null, EventStatus.PLANNED, Map.of()));
		// Headers nobody recognizes: the list goes through the column-mapping step.
		byte[] file = Workbooks.of(new Object[] { "Кто", "Откуда", "Кем является" },
				new Object[] { "Тоқтарова Салтанат", names.get(0), "председатель" },
				new Object[] { "Омарова Бағдат", names.get(1), "профактив" });
		Browser browser = new Browser().signIn(a, "inst.methodologist", PASSWORD);
		String base = "/events/" + event + "/participants";
		String form = browser.get(a, base).body();
		String upload = path(location(browser.upload(a, base + "/import", csrf(form), Map.of(), "list.xlsx", file)));
		assertThat(upload).startsWith(base + "/import/");

		HttpResponse<String> columns = browser.get(b, upload);
		assertThat(columns.statusCode()).as("the column step on B").isEqualTo(200);
		assertThat(columns.body()).contains("nameColumn");
		String mapping = "nameColumn=0&organizationColumn=1&categoryColumn=2&positionColumn=";
		HttpResponse<String> preview = browser.get(b, upload + "?" + mapping);
		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(preview.body()).contains("/commit");
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", csrf(preview.body()));
		fields.put("nameColumn", "0");
		fields.put("organizationColumn", "1");
		fields.put("categoryColumn", "2");
		fields.put("positionColumn", "");
		HttpResponse<String> committed = browser.post(b, upload + "/commit", fields);
		assertThat(location(committed)).endsWith(base);
		assertThat(jdbc().sql("select count(*) from event_participant where event_id = :e").param("e", event)
			.query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void aMaterialUploadedOnOneInstanceIsDownloadedFromTheOther() throws Exception {
		byte[] file = MaterialTestFiles.docx("Екі сервер, бір база");
		Browser methodologist = new Browser().signIn(a, "inst.methodologist", PASSWORD);
		String form = methodologist.get(a, "/materials/new").body();
		HttpResponse<String> created = methodologist.upload(a, "/materials/new", csrf(form),
				Map.of("titleKk", "Екі сервер", "type", "CASE", "language", "KK"), "eki.docx", file);
		String material = path(location(created));
		assertThat(material).matches("/materials/\\d+");
		long id = Long.parseLong(material.substring("/materials/".length()));
		long version = jdbc().sql("select max(id) from material_version where material_id = :m").param("m", id)
			.query(Long.class).single();

		Browser executive = new Browser().signIn(b, "inst.executive", PASSWORD);
		HttpResponse<byte[]> download = executive.bytes(b, material + "/versions/" + version + "/download");
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(MaterialTestFiles.sha256(download.body())).isEqualTo(MaterialTestFiles.sha256(file));
	}

	// ---- throttles

	@Test
	void failedSignInsSplitBetweenTheInstancesWaitExactlyAsOnOne() throws Exception {
		account("inst.alone", Role.EXECUTIVE, region, null);
		account("inst.split", Role.EXECUTIVE, region, null);
		OneClock.shared.stop();
		try {
			List<String> alone = signInSequence("inst.alone", "198.51.100.11", a, a);
			List<String> split = signInSequence("inst.split", "198.51.100.12", a, b);
			// 5 failures are free; then 1 s, then twice that; the right password waits its turn like a wrong one.
			assertThat(alone).containsExactly("error", "error", "error", "error", "error", "wait=1", "error", "wait=2",
					"signed in");
			assertThat(split).as("the same tries, alternating between A and B").isEqualTo(alone);
		}
		finally {
			OneClock.shared.go();
		}
	}

	/** Five wrong passwords, the right one, a wrong one after the wait, the right one, and again after the wait. */
	private List<String> signInSequence(String username, String address, ConfigurableApplicationContext first,
			ConfigurableApplicationContext second) throws Exception {
		List<String> outcomes = new ArrayList<>();
		Browser browser = new Browser().from(address);
		String[] passwords = { "wrong-1", "wrong-2", "wrong-3", "wrong-4", "wrong-5", PASSWORD, "wrong-6", PASSWORD, PASSWORD };
		for (int i = 0; i < passwords.length; i++) {
			if (i == 6) {
				OneClock.shared.advance(Duration.ofSeconds(1));
			}
			if (i == 8) {
				OneClock.shared.advance(Duration.ofSeconds(2));
			}
			ConfigurableApplicationContext instance = i % 2 == 0 ? first : second;
			String target = location(browser.login(instance, username, passwords[i]));
			outcomes.add(target.contains("/login?") ? target.substring(target.indexOf("/login?") + 7) : "signed in");
		}
		return outcomes;
	}

	@Test
	void passwordResetRequestsSplitBetweenTheInstancesStopAtTheHourlyLimits() throws Exception {
		long asked = account("inst.reset", Role.EXECUTIVE, region, "inst.reset@oqytu.test");
		long later = account("inst.reset.later", Role.EXECUTIVE, region, "inst.reset.later@oqytu.test");
		Browser browser = new Browser().from("198.51.100.21");
		// Four requests for one account: three links an hour.
		for (int i = 0; i < 4; i++) {
			browser.forgot(i % 2 == 0 ? a : b, "inst.reset@oqytu.test");
		}
		assertThat(resetLinks(asked)).as("reset links for one account, asked four times").isEqualTo(3);
		// Ten requests an hour from one address: the eleventh sends nothing, to anyone.
		for (int i = 4; i < 10; i++) {
			browser.forgot(i % 2 == 0 ? a : b, "nobody" + i + "@oqytu.test");
		}
		browser.forgot(b, "inst.reset.later@oqytu.test");
		assertThat(resetLinks(later)).as("the eleventh request from the address").isZero();
		new Browser().from("198.51.100.22").forgot(a, "inst.reset.later@oqytu.test");
		assertThat(resetLinks(later)).as("the same request from another address").isEqualTo(1);
	}

	private static long resetLinks(long userId) {
		return jdbc().sql("select count(*) from account_link where user_id = :u and purpose = 'RESET'").param("u", userId)
			.query(Long.class).single();
	}

	@Test
	void aDevicesAndASurveysAnswersAMinuteStopAtTheirLimitsWhicheverInstanceTakesThem() throws Exception {
		CurrentUser methodologist = user(a, "inst.methodologist");
		String oneDevice = openSurvey(methodologist, "Бір телефон");
		String oneSurvey = openSurvey(methodologist, "Бір сауалнама");
		OneClock.shared.stop();
		try {
			// One phone posts its form five times, alternately to A and B: four posts a minute, then 429.
			Phone phone = Phone.open(a, oneDevice);
			List<Integer> posts = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				posts.add(phone.send(i % 2 == 0 ? a : b, oneDevice));
			}
			assertThat(posts).containsExactly(302, 200, 200, 200, 429);

			// Seven phones answer another survey, alternately on A and B: six answers a minute, then 429.
			List<Integer> answers = new ArrayList<>();
			for (int i = 0; i < 7; i++) {
				ConfigurableApplicationContext instance = i % 2 == 0 ? a : b;
				answers.add(Phone.open(instance, oneSurvey).send(i % 2 == 0 ? b : a, oneSurvey));
			}
			assertThat(answers).containsExactly(302, 302, 302, 302, 302, 302, 429);

			// The next minute takes answers again.
			OneClock.shared.advance(Duration.ofMinutes(1));
			assertThat(Phone.open(b, oneSurvey).send(a, oneSurvey)).isEqualTo(302);
		}
		finally {
			OneClock.shared.go();
		}
	}

	private static String openSurvey(CurrentUser methodologist, String title) {
		LocalDateTime start = LocalDateTime.now(OneClock.shared).truncatedTo(ChronoUnit.HOURS);
		long event = a.getBean(TrainingEvents.class).create(methodologist, new EventCommand(title, title,
				"THEMATIC_SEMINAR", Set.of("LABOUR_LAW"), start, start.plusHours(1), java.math.BigDecimal.ONE,
				VenueKind.REGIONAL_OFFICE, null, null, null, null, Set.of(), null, null, EventStatus.PLANNED, Map.of()));
		a.getBean(Surveys.class).openNow(methodologist, event, SurveyKind.POST_EVENT);
		return "/s/" + a.getBean(Surveys.class).one(methodologist, event, SurveyKind.POST_EVENT).token();
	}

	/** One phone with the survey form open: its cookies (device, CSRF) and the form's one-time token. */
	private record Phone(HttpClient client, String csrf, String form) {

		static Phone open(ConfigurableApplicationContext instance, String path) throws Exception {
			HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
				.followRedirects(HttpClient.Redirect.NEVER).build();
			String page = client.send(HttpRequest.newBuilder(URI.create(base(instance) + path)).build(),
					HttpResponse.BodyHandlers.ofString()).body();
			Matcher once = Pattern.compile("name=\"_form\" value=\"([^\"]+)\"").matcher(page);
			assertThat(once.find()).as("a form token on " + path).isTrue();
			return new Phone(client, SeveralInstancesTests.csrf(page), once.group(1));
		}

		int send(ConfigurableApplicationContext instance, String path) throws Exception {
			return client.send(HttpRequest.newBuilder(URI.create(base(instance) + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf + "&_form=" + form
						+ "&q_usefulness=5&q_applicability=4&q_will_apply=YES&q_category=ACTIVIST"
						+ "&q_next_topics=LEGAL_LITERACY&q_comments=ok"))
				.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
	}

	// ---- helpers

	/** One browser: its own cookie jar, redirects not followed, optionally behind a proxy that names its address. */
	private static final class Browser {

		private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).build();

		private String address;

		Browser from(String clientAddress) {
			this.address = clientAddress;
			return this;
		}

		private HttpRequest.Builder request(ConfigurableApplicationContext instance, String path) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base(instance) + path)).header("Accept", "text/html");
			// The instances trust forwarded headers from 127.0.0.1 (oqytu.proxies), as behind the proxy.
			return address == null ? request : request.header("X-Forwarded-For", address);
		}

		HttpResponse<String> get(ConfigurableApplicationContext instance, String path) throws Exception {
			return http.send(request(instance, path).build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<byte[]> bytes(ConfigurableApplicationContext instance, String path) throws Exception {
			return http.send(request(instance, path).build(), HttpResponse.BodyHandlers.ofByteArray());
		}

		HttpResponse<String> post(ConfigurableApplicationContext instance, String path, Map<String, String> form)
				throws Exception {
			String body = form.entrySet().stream()
				.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return http.send(request(instance, path).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> upload(ConfigurableApplicationContext instance, String path, String csrf,
				Map<String, String> fields, String filename, byte[] file) throws Exception {
			String boundary = "----oqytu" + System.nanoTime();
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			Map<String, String> all = new LinkedHashMap<>(fields);
			all.put("_csrf", csrf);
			for (Map.Entry<String, String> field : all.entrySet()) {
				body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
						+ field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
			}
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.write(file);
			body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			HttpResponse<String> response = http.send(request(instance, path)
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("upload to " + path).isBetween(300, 399);
			return response;
		}

		/** Posts the login form of the instance with that page's CSRF token; answers the redirect. */
		HttpResponse<String> login(ConfigurableApplicationContext instance, String username, String password)
				throws Exception {
			String page = get(instance, "/login").body();
			Map<String, String> form = new LinkedHashMap<>();
			form.put("username", username);
			form.put("password", password);
			form.put("_csrf", csrf(page));
			return post(instance, "/login", form);
		}

		Browser signIn(ConfigurableApplicationContext instance, String username, String password) throws Exception {
			HttpResponse<String> login = login(instance, username, password);
			assertThat(login.statusCode()).isEqualTo(302);
			assertThat(location(login)).as("signed in as " + username).doesNotContain("/login");
			return this;
		}

		void forgot(ConfigurableApplicationContext instance, String email) throws Exception {
			String page = get(instance, "/password/forgot").body();
			HttpResponse<String> sent = post(instance, "/password/forgot", Map.of("email", email, "_csrf", csrf(page)));
			assertThat(location(sent)).endsWith("/password/forgot/sent");
		}
	}

	/**
	 * One clock for both instances (each would otherwise start its own at {@code oqytu.clock.start}
	 * when it is made, seconds apart), which the test can stop and move.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class OneClock {

		static volatile MovableClock shared;

		@Bean
		@Primary
		MovableClock oneClock(@Qualifier("clock") Clock clock) {
			synchronized (OneClock.class) {
				if (shared == null) {
					shared = new MovableClock(clock);
				}
				return shared;
			}
		}
	}

	/** The union's clock, ticking, or stopped while a test counts tries within a second or a minute. */
	static final class MovableClock extends Clock {

		private final Clock base;

		private volatile Duration offset = Duration.ZERO;

		private volatile Instant stopped;

		MovableClock(Clock base) {
			this.base = base;
		}

		synchronized void stop() {
			// On a whole millisecond: PostgreSQL keeps microseconds and would round a nanosecond part.
			stopped = instant().truncatedTo(ChronoUnit.MILLIS);
		}

		synchronized void go() {
			offset = Duration.between(base.instant(), stopped);
			stopped = null;
		}

		synchronized void advance(Duration by) {
			if (stopped != null) {
				stopped = stopped.plus(by);
			}
			else {
				offset = offset.plus(by);
			}
		}

		@Override
		public Instant instant() {
			Instant at = stopped;
			return at != null ? at : base.instant().plus(offset);
		}

		@Override
		public ZoneId getZone() {
			return base.getZone();
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return zone.equals(getZone()) ? this : Clock.offset(Clock.fixed(instant(), zone), Duration.ZERO);
		}
	}

	private static long account(String username, Role role, long unit, String email) {
		Accounts accounts = a.getBean(Accounts.class);
		return accounts.list().stream().filter(x -> x.username().equals(username)).findFirst().map(x -> x.id())
			.orElseGet(() -> accounts.create(new AccountCommand(username, "Instances " + username, email, role, unit, PASSWORD)));
	}

	private static CurrentUser user(ConfigurableApplicationContext instance, String username) {
		return ((OqytuPrincipal) instance.getBean(UserDetailsService.class).loadUserByUsername(username)).currentUser();
	}

	private static JdbcClient jdbc() {
		return a.getBean(JdbcClient.class);
	}

	/** Runs the calls at the same moment on threads of their own; answers what each returned. */
	@SafeVarargs
	private static <T> List<T> together(Callable<T>... calls) {
		ExecutorService pool = Executors.newFixedThreadPool(calls.length);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<T>> running = new ArrayList<>();
			for (Callable<T> call : calls) {
				running.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> f : running) {
				results.add(f.get());
			}
			return results;
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void together(Runnable... calls) {
		together(Arrays.stream(calls).<Callable<Object>>map(r -> () -> {
			r.run();
			return null;
		}).toArray(Callable[]::new));
	}

	/** Whatever earlier tests left in the outbox goes out first. */
	private static void drainOutbox() {
		while (a.getBean(MailSendingJob.class).sendDue() > 0) {
			// again
		}
	}

	private static List<MimeMessage> received(String to) throws Exception {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage m : SMTP.getReceivedMessages()) {
			if (Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(to))) {
				found.add(m);
			}
		}
		return found;
	}

	private static String base(ConfigurableApplicationContext context) {
		return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
	}

	private static String csrf(String html) {
		Matcher token = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"").matcher(html);
		assertThat(token.find()).as("a CSRF token on the page").isTrue();
		return token.group(1);
	}

	private static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	/** The path of an absolute or relative address. */
	private static String path(String location) {
		URI uri = URI.create(location);
		return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
