package kz.oqytu.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import kz.oqytu.OqytuApplication;
import kz.oqytu.accounts.AccountCommand;
import kz.oqytu.accounts.Accounts;
import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.Role;
import kz.oqytu.shared.db.DatabaseCreator;
import kz.oqytu.surveys.SurveyKind;
import kz.oqytu.surveys.Surveys;
import kz.oqytu.testsupport.TestDatabase;
import kz.oqytu.training.EventCommand;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingEvents;
import kz.oqytu.training.VenueKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #8, item 5 (ASVS V7.4, V11): PostgreSQL becomes unreachable for 30 seconds while people
 * answer a survey and a methodologist works. The application runs on a database of its own, and
 * only that database is closed (ALLOW_CONNECTIONS false and its connections terminated), so the
 * other tests' server keeps running. During the outage every page is the localized "try again"
 * page within 5 seconds and health says DOWN; afterwards the same running application serves again
 * by itself; and every answer the application acknowledged is in the database.
 */
class DatabaseOutageTests {

	private static final Duration OUTAGE = Duration.ofSeconds(30);

	private static ConfigurableApplicationContext app;

	private static String base;

	private static String surveyPath;

	private static String database;

	@BeforeAll
	static void start() {
		// No demo data: the scenario needs one account and one open survey, which it makes itself.
		app = new SpringApplicationBuilder(OqytuApplication.class).run("--server.port=0",
				"--oqytu.test.database-name=outage", "--oqytu.demo-data=false", "--oqytu.jobs.housekeeping-cron=-");
		base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
		String url = app.getEnvironment().getProperty("spring.datasource.url");
		database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
		Accounts accounts = app.getBean(Accounts.class);
		accounts.create(new AccountCommand("outage.methodologist", "Outage Methodologist", null, Role.METHODOLOGIST, 2, "outage-pass"));
		CurrentUser methodologist = new CurrentUser(0, "outage.methodologist", "Outage", Role.METHODOLOGIST, 2,
				app.getBean(JdbcClient.class).sql("select path from org_unit where id = 2").query(String.class).single());
		long event = app.getBean(TrainingEvents.class).create(methodologist, new EventCommand("Үзіліс сынағы",
				"Проверка отказа базы", "THEMATIC_SEMINAR", Set.of("LABOUR_LAW"), LocalDateTime.of(2027, 5, 10, 10, 0),
				LocalDateTime.of(2027, 5, 10, 13, 0), java.math.BigDecimal.valueOf(3), VenueKind.REGIONAL_OFFICE, null, null,
				null, null, Set.of(), null, null, EventStatus.PLANNED, Map.of()));
		Surveys surveys = app.getBean(Surveys.class);
		surveys.openNow(methodologist, event, SurveyKind.POST_EVENT);
		surveyPath = "/s/" + surveys.one(methodologist, event, SurveyKind.POST_EVENT).token();
	}

	@AfterAll
	static void stop() throws Exception {
		allowConnections(true);
		if (app != null) {
			app.close();
		}
	}

	@Test
	void anOutageGivesTryAgainPagesHealthDownNoLostAnswersAndRecoveryWithoutRestart() throws Exception {
		HttpClient methodologist = client();
		signIn(methodologist);
		assertThat(get(methodologist, "/account/password").statusCode()).isEqualTo(200);

		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger acknowledged = new AtomicInteger();
		ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
		java.util.concurrent.atomic.AtomicLong cutAt = new java.util.concurrent.atomic.AtomicLong();
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger triedAgain = new AtomicInteger();
		ExecutorService participants = Executors.newFixedThreadPool(3);
		for (int p = 0; p < 3; p++) {
			participants.submit(() -> {
				while (running.get()) {
					try {
						int status = answerOnce();
						if (status == 302) {
							acknowledged.incrementAndGet();
						}
						else if (status == 500 && cutAt.get() != 0
								&& System.nanoTime() - cutAt.get() < Duration.ofSeconds(10).toNanos()) {
							// In flight when its connection was killed (e.g. the session save after the
							// answer's commit): the generic error page, counted, not acknowledged.
							inFlight.incrementAndGet();
						}
						else if (status == 503) {
							triedAgain.incrementAndGet();
						}
						else {
							unexpected.add("answer got " + status);
						}
					}
					catch (Exception ex) {
						unexpected.add(ex.toString());
					}
				}
				return null;
			});
		}
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).untilAsserted(
				() -> assertThat(acknowledged.get()).as("answers before the outage").isGreaterThanOrEqualTo(5));

		long outageStarted = System.nanoTime();
		cutAt.set(outageStarted);
		int triedBeforeTheCut = triedAgain.get();
		allowConnections(false);
		try {
			// A participant opening the survey and the signed-in methodologist: the page that says so, quickly.
			for (HttpClient who : List.of(client(), methodologist)) {
				long t0 = System.nanoTime();
				HttpResponse<String> page = get(who, who == methodologist ? "/events?lang=ru" : surveyPath + "?lang=ru");
				long millis = (System.nanoTime() - t0) / 1_000_000;
				assertThat(page.statusCode()).isEqualTo(503);
				assertThat(page.body()).contains("База данных временно недоступна").doesNotContain("Exception");
				assertThat(millis).as("milliseconds until the try-again page").isLessThan(5000);
				assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
						csp -> assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'"));
				assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
				assertThat(page.headers().firstValue("Retry-After")).isPresent();
			}
			HttpResponse<String> health = health("/actuator/health");
			assertThat(health.statusCode()).isEqualTo(503);
			assertThat(health.body()).contains("DOWN");
			HttpResponse<String> readiness = health("/actuator/health/readiness");
			assertThat(readiness.statusCode()).isEqualTo(503);
			// The outage lasts OUTAGE of real time (the pool's timeouts and the participants' retries run
			// on it): it ends once that time has passed and the participants, still trying, have met the
			// try-again page again and again (a pool that hung instead of refusing would not get there).
			Awaitility.await("the rest of the outage, the participants meeting the try-again page")
				.atMost(OUTAGE.plusSeconds(15))
				.pollInterval(Duration.ofMillis(250))
				.untilAsserted(() -> {
					assertThat(triedAgain.get() - triedBeforeTheCut).as("try-again pages the participants met")
						.isGreaterThanOrEqualTo(10);
					assertThat(Duration.ofNanos(System.nanoTime() - outageStarted)).as("the outage so far")
						.isGreaterThanOrEqualTo(OUTAGE);
				});
		}
		finally {
			allowConnections(true);
		}

		// The same process, no restart: within seconds the pool has connections again.
		Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(
				() -> assertThat(health("/actuator/health").statusCode()).as("health after the database returned")
					.isEqualTo(200));
		int before = acknowledged.get();
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).untilAsserted(
				() -> assertThat(acknowledged.get()).as("answers acknowledged after recovery").isGreaterThan(before));
		running.set(false);
		participants.shutdown();
		assertThat(participants.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		assertThat(acknowledged.get()).as("answers acknowledged after recovery").isGreaterThan(before);
		HttpResponse<String> events = get(methodologist, "/events?lang=ru");
		assertThat(events.statusCode()).as("the methodologist's page after recovery").isIn(200, 302);

		long stored = app.getBean(JdbcClient.class)
			.sql("select count(*) from survey_response r join event_survey s on s.id = r.event_survey_id where s.token = :t")
			.param("t", surveyPath.substring(3))
			.query(Long.class)
			.single();
		assertThat(unexpected).as("answers that got neither an acknowledgement nor the try-again page").isEmpty();
		assertThat(inFlight.get()).as("answers cut off in flight (at most one per participant)").isLessThanOrEqualTo(3);
		assertThat(stored).as("every acknowledged answer is stored").isGreaterThanOrEqualTo(acknowledged.get());
	}

	/** One participant on a fresh phone: open the form, answer. The status of the answer. */
	private static int answerOnce() throws Exception {
		HttpClient phone = client();
		HttpResponse<String> form = get(phone, surveyPath);
		if (form.statusCode() != 200) {
			return form.statusCode();
		}
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
		Matcher once = Pattern.compile("name=\"_form\" value=\"([^\"]+)\"").matcher(form.body());
		if (!token.find() || !once.find()) {
			return -1;
		}
		return phone.send(HttpRequest.newBuilder(URI.create(base + surveyPath))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("User-Agent", "Phone " + UUID.randomUUID())
			.timeout(Duration.ofSeconds(20))
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token.group(1) + "&_form=" + once.group(1)
					+ "&q_usefulness=5&q_applicability=4&q_will_apply=YES&q_category=ACTIVIST"))
			.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static HttpClient client() {
		return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5)).build();
	}

	private static HttpResponse<String> get(HttpClient client, String path) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
			.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> health(String path) throws Exception {
		return client().send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
			.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void signIn(HttpClient browser) throws Exception {
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(browser, "/login").body());
		assertThat(token.find()).isTrue();
		HttpResponse<Void> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=outage.methodologist&password=outage-pass&_csrf=" + token.group(1)))
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
	}

	/** Closes or reopens this test's database only; the server and every other database stay up. */
	private static void allowConnections(boolean allow) throws Exception {
		if (database == null) {
			return;
		}
		TestDatabase.Connection db = TestDatabase.get("outage");
		try (Connection c = DriverManager.getConnection(DatabaseCreator.withDatabase(db.url(), "postgres"), db.username(),
				db.password()); Statement s = c.createStatement()) {
			s.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS " + allow);
			if (!allow) {
				s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
			}
		}
	}
}
