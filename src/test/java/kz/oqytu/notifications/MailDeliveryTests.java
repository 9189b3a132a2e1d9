package kz.oqytu.notifications;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import kz.oqytu.notifications.domain.MailSendingJob;
import kz.oqytu.testsupport.OqytuModuleTest;

import kz.oqytu.testsupport.SettableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery through a real SMTP server in this JVM (GreenMail): multipart text and HTML in the
 * recipient's language, an outage that loses nothing, and parallel runs that send once. The sending
 * job's schedule is pushed out of the way; each test runs it by hand, on a clock it moves itself.
 * The notifications module alone: its own properties make it a context of its own in any case, and
 * a module's context starts in a few seconds where the whole application's took many more.
 */
@OqytuModuleTest
class MailDeliveryTests {

	static final int PORT = freePort();

	static final GreenMail SMTP = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
		registry.add("oqytu.mail.from", () -> "Oqytu <noreply@oqytu.test>");
		registry.add("oqytu.mail.initial-delay", () -> "PT24H");
		registry.add("oqytu.mail.poll-interval", () -> "PT24H");
		registry.add("oqytu.mail.max-attempts", () -> "3");
		registry.add("oqytu.mail.retry-base", () -> "PT1H");
		registry.add("oqytu.mail.retry-max", () -> "PT6H");
		registry.add("spring.mail.properties[mail.smtp.connectiontimeout]", () -> "2000");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class MovableClock {

		@Bean
		@Primary
		SettableClock settableClock(@Qualifier("clock") Clock clock) {
			return new SettableClock(clock.instant().truncatedTo(ChronoUnit.SECONDS), clock.getZone());
		}
	}

	@Autowired
	Notifications notifications;

	@Autowired
	MailSendingJob job;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	SettableClock clock;

	@Autowired
	kz.oqytu.notifications.domain.OutboxAdmin outboxAdmin;

	@BeforeAll
	static void startSmtp() {
		SMTP.start();
	}

	@AfterAll
	static void stopSmtp() {
		SMTP.stop();
	}

	@BeforeEach
	void smtpRuns() {
		if (!SMTP.isRunning()) {
			SMTP.start();
		}
		// What other tests left waiting goes out first, so a failing run here meets this test's message.
		// Their contexts' clocks started at the same instant as this one, but earlier and running on:
		// their messages may be due "later" than this clock's now, so they are made due first.
		jdbc.sql("update mail_outbox set next_attempt_at = :now where status = 'PENDING' and next_attempt_at > :now")
			.param("now", java.time.OffsetDateTime.now(clock)).update();
		while (job.sendDue() > 0) {
			// again
		}
	}

	private void send(String to, String language) {
		transactions.executeWithoutResult(s -> notifications.send(new Notification("test", to,
				Locale.forLanguageTag(language), "test-message", Map.of(), null)));
	}

	private List<MimeMessage> received(String to) throws Exception {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage m : SMTP.getReceivedMessages()) {
			if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(to))) {
				found.add(m);
			}
		}
		return found;
	}

	private Map<String, Object> row(String to) {
		return jdbc.sql("select status, attempts, last_error, next_attempt_at, sent_at from mail_outbox where recipient = :to")
			.param("to", to).query().singleRow();
	}

	private static void collect(Part part, Map<String, String> byType, List<String> multipartTypes) throws Exception {
		if (part.getContent() instanceof Multipart multipart) {
			multipartTypes.add(multipart.getContentType().split(";")[0].trim().toLowerCase(Locale.ROOT));
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				collect(child, byType, multipartTypes);
			}
		}
		else {
			byType.put(part.getContentType().split(";")[0].trim().toLowerCase(Locale.ROOT), String.valueOf(part.getContent()));
		}
	}

	@Test
	void aMessageArrivesAsTextAndHtmlInTheRecipientsLanguage() throws Exception {
		send("delivery.ru@oqytu.test", "ru");
		send("delivery.kk@oqytu.test", "kk");
		job.sendDue();

		MimeMessage ru = received("delivery.ru@oqytu.test").get(0);
		assertThat(ru.getSubject()).isEqualTo("Oqytu: тестовое письмо");
		assertThat(ru.getFrom()[0].toString()).contains("noreply@oqytu.test");
		assertThat(ru.getHeader("Content-Language")[0]).isEqualTo("ru");
		Map<String, String> parts = new java.util.HashMap<>();
		List<String> multiparts = new ArrayList<>();
		collect(ru, parts, multiparts);
		assertThat(multiparts).contains("multipart/alternative");
		assertThat(parts.get("text/plain")).contains("Это тестовое письмо").doesNotContain("<p>");
		assertThat(parts.get("text/html")).contains("<p>Это тестовое письмо");

		assertThat(received("delivery.kk@oqytu.test").get(0).getSubject()).isEqualTo("Oqytu: сынақ хат");
		assertThat(row("delivery.ru@oqytu.test")).containsEntry("status", "SENT").containsEntry("attempts", 1);
	}

	@Test
	void theOutboxKeepsAMessageWhileTheServerIsDownAndSendsItOnceWhenItIsBack() throws Exception {
		SMTP.stop();
		send("outage@oqytu.test", "kk");
		job.sendDue();
		Map<String, Object> first = row("outage@oqytu.test");
		assertThat(first).containsEntry("status", "PENDING").containsEntry("attempts", 1);
		assertThat((String) first.get("last_error")).isNotBlank();

		// Not due yet: the back-off holds it even when a run comes.
		job.sendDue();
		assertThat(row("outage@oqytu.test")).containsEntry("attempts", 1);

		clock.advance(Duration.ofMinutes(61));
		job.sendDue();
		Map<String, Object> second = row("outage@oqytu.test");
		assertThat(second).containsEntry("status", "PENDING").containsEntry("attempts", 2);
		// The second wait is twice the first.
		Instant secondAt = ((java.sql.Timestamp) second.get("next_attempt_at")).toInstant();
		assertThat(Duration.between(clock.instant(), secondAt)).isEqualTo(Duration.ofHours(2));

		SMTP.start();
		job.sendDue();
		assertThat(received("outage@oqytu.test")).isEmpty();
		clock.advance(Duration.ofHours(2));
		job.sendDue();
		job.sendDue();
		assertThat(received("outage@oqytu.test")).hasSize(1);
		assertThat(row("outage@oqytu.test")).containsEntry("status", "SENT").containsEntry("attempts", 3);
	}

	@Test
	void aMessageFailsAfterTheLastAttemptAndAnAdminRetryQueuesItAgain() throws Exception {
		SMTP.stop();
		send("gives-up@oqytu.test", "ru");
		for (int i = 0; i < 3; i++) {
			job.sendDue();
			clock.advance(Duration.ofHours(7));
		}
		assertThat(row("gives-up@oqytu.test")).containsEntry("status", "FAILED").containsEntry("attempts", 3);
		long id = jdbc.sql("select id from mail_outbox where recipient = 'gives-up@oqytu.test'").query(Long.class).single();
		SMTP.start();
		job.sendDue();
		assertThat(received("gives-up@oqytu.test")).isEmpty();

		assertThat(outboxAdmin.retry(id)).isTrue();
		job.sendDue();
		assertThat(received("gives-up@oqytu.test")).hasSize(1);
	}

	@Test
	void twoRunsAtOnceDeliverEachMessageOnce() throws Exception {
		int messages = 12;
		for (int i = 0; i < messages; i++) {
			send("parallel" + i + "@oqytu.test", i % 2 == 0 ? "kk" : "ru");
		}
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		Callable<Integer> run = () -> {
			start.await();
			return job.sendDue();
		};
		try {
			List<Future<Integer>> runs = List.of(pool.submit(run), pool.submit(run));
			start.countDown();
			int sent = 0;
			for (Future<Integer> f : runs) {
				sent += f.get();
			}
			assertThat(sent).isGreaterThanOrEqualTo(messages);
		}
		finally {
			pool.shutdownNow();
		}
		for (int i = 0; i < messages; i++) {
			assertThat(received("parallel" + i + "@oqytu.test")).as("parallel" + i).hasSize(1);
		}
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
