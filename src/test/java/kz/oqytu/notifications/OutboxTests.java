package kz.oqytu.notifications;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import kz.oqytu.notifications.domain.MailSendingJob;
import kz.oqytu.testsupport.OqytuModuleTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A message is written to the outbox, rendered in the recipient's language, in the caller's transaction.
 * The notifications module alone (it needs only {@code shared}); the outbox pages are in OutboxPageTests.
 */
@OqytuModuleTest
class OutboxTests {

	@Autowired
	Notifications notifications;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MailSendingJob job;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Test
	void theModuleStartsAloneWithSharedOnly() {
		assertThat(kz.oqytu.testsupport.ModuleBeans.modulesOf(context))
			.as("modules whose beans started: %s", kz.oqytu.testsupport.ModuleBeans.names(context))
			.containsExactly("notifications", "shared");
	}

	private long count(String to) {
		return jdbc.sql("select count(*) from mail_outbox where recipient = :to").param("to", to).query(Long.class).single();
	}

	@Test
	void aMessageIsRenderedInTheRecipientsLanguageWhenWritten() {
		transactions.executeWithoutResult(s -> notifications.send(new Notification("test", "outbox.ru@example.kz",
				Locale.forLanguageTag("ru"), "test-message", Map.of(), null)));
		Map<String, Object> row = jdbc.sql("select subject, body_text, body_html, locale, status from mail_outbox"
				+ " where recipient = 'outbox.ru@example.kz'").query().singleRow();
		assertThat(row.get("subject")).isEqualTo("Oqytu: тестовое письмо");
		assertThat((String) row.get("body_text")).contains("Это тестовое письмо").contains("/admin/outbox")
			.doesNotContain("[(");
		assertThat((String) row.get("body_html")).contains("<p>Это тестовое письмо").contains("href=\"http");
		assertThat(row.get("locale")).isEqualTo("ru");
	}

	@Test
	void aMessageWithoutALanguageIsInKazakh() {
		notifications.send(new Notification("test", "outbox.kk@example.kz", null, "test-message", null, null));
		assertThat(jdbc.sql("select subject from mail_outbox where recipient = 'outbox.kk@example.kz'")
			.query(String.class).single()).isEqualTo("Oqytu: сынақ хат");
	}

	@Test
	void aRolledBackCallerLeavesNoMessage() {
		assertThatThrownBy(() -> transactions.executeWithoutResult(s -> {
			notifications.send(new Notification("test", "outbox.rollback@example.kz", Locale.forLanguageTag("kk"),
					"test-message", Map.of(), null));
			assertThat(count("outbox.rollback@example.kz")).isEqualTo(1);
			throw new IllegalStateException("the caller fails after sending");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(count("outbox.rollback@example.kz")).isZero();
	}

	@Test
	void theOutboxReportsItsBacklogFailuresAndDeliveriesAsMeters() {
		job.sendDue();
		double loggedBefore = meters.get("oqytu.mail.sent").tag("via", "log").counter().count();
		notifications.send(new Notification("test", "metered@example.kz", null, "test-message", Map.of(), null));
		assertThat(meters.get("oqytu.mail.outbox.pending").gauge().value()).isGreaterThanOrEqualTo(1);
		assertThat(meters.get("oqytu.mail.outbox.failed").gauge().value()).isGreaterThanOrEqualTo(0);
		assertThat(meters.get("oqytu.mail.attempts.failed").counter()).isNotNull();
		job.sendDue();
		assertThat(meters.get("oqytu.mail.sent").tag("via", "log").counter().count()).isGreaterThan(loggedBefore);
		assertThat(count("metered@example.kz")).isEqualTo(1);
	}
}
