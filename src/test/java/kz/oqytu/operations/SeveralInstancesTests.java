package kz.oqytu.operations;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import kz.oqytu.OqytuApplication;
import kz.oqytu.shared.jobs.MaintenanceJobs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances over one PostgreSQL, as behind a load balancer: a session started on one goes on on
 * the other, and a scheduled job runs once however many instances start it.
 */
class SeveralInstancesTests {

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	@BeforeAll
	static void startTwoInstances() {
		first = instance();
		second = instance();
	}

	private static ConfigurableApplicationContext instance() {
		// Command-line arguments: they outrank application.yml (server.port: ${PORT:8080}).
		return new SpringApplicationBuilder(OqytuApplication.class)
			.run("--server.port=0", "--oqytu.test.database-name=instances", "--oqytu.jobs.housekeeping-cron=-");
	}

	@AfterAll
	static void stop() {
		if (second != null) {
			second.close();
		}
		if (first != null) {
			first.close();
		}
	}

	private static String base(ConfigurableApplicationContext context) {
		return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
	}

	@Test
	void aSessionStartedOnOneInstanceContinuesOnTheOther() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).build();
		String login = browser.send(HttpRequest.newBuilder(URI.create(base(first) + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
		assertThat(token.find()).isTrue();
		HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base(first) + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=executive&password=demo&_csrf=" + token.group(1)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));

		HttpResponse<String> onSecond = browser.send(HttpRequest.newBuilder(URI.create(base(second)
				+ "/reports/coverage?year=2025")).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(onSecond.statusCode()).isEqualTo(200);
		assertThat(onSecond.body()).contains("33 557");
	}

	@Test
	void aScheduledJobRunsOnceAcrossInstances() {
		JdbcClient jdbc = first.getBean(JdbcClient.class);
		long before = jdbc.sql("select count(*) from job_run where job = 'housekeeping'").query(Long.class).single();
		CompletableFuture<Void> a = CompletableFuture.runAsync(() -> first.getBean(MaintenanceJobs.class).housekeeping());
		CompletableFuture<Void> b = CompletableFuture.runAsync(() -> second.getBean(MaintenanceJobs.class).housekeeping());
		CompletableFuture.allOf(a, b).join();
		second.getBean(MaintenanceJobs.class).housekeeping();
		long after = jdbc.sql("select count(*) from job_run where job = 'housekeeping'").query(Long.class).single();
		assertThat(after - before).isEqualTo(1);
	}
}
