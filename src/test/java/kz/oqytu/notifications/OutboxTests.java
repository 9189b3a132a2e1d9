package kz.oqytu.notifications;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import kz.oqytu.notifications.domain.MailSendingJob;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A message is written to the outbox, rendered in the recipient's language, in the caller's transaction. */
@OqytuIntegrationTest
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
	org.springframework.test.web.servlet.MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

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
	void withoutSmtpAMessageIsLoggedAndShownInFullOnTheOutboxPage() throws Exception {
		assertThat(job.smtpConfigured()).isFalse();
		notifications.send(new Notification("invitation", "logged@example.kz", Locale.forLanguageTag("ru"), "test-message",
				Map.of(), null));
		job.sendDue();
		Map<String, Object> row = jdbc.sql("select id, status, attempts, sent_at from mail_outbox where recipient = 'logged@example.kz'")
			.query().singleRow();
		assertThat(row.get("status")).isEqualTo("LOGGED");
		assertThat(row.get("sent_at")).isNotNull();
		long id = ((Number) row.get("id")).longValue();

		mvc.perform(get("/admin/outbox").param("status", "LOGGED").with(users.as("admin")).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("logged@example.kz")))
			.andExpect(content().string(containsString("No SMTP server is configured")));
		mvc.perform(get("/admin/outbox/" + id).with(users.as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Это тестовое письмо из системы Oqytu")))
			.andExpect(content().string(containsString("Письмо отправлено автоматически.")));
		mvc.perform(post("/admin/outbox/" + id + "/retry").with(users.as("admin")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashError", "outbox.flash.notFailed"));
	}

	@Test
	void onlyAnAdministratorSeesTheOutbox() throws Exception {
		for (String who : new String[] { "methodologist", "executive", "chair" }) {
			mvc.perform(get("/admin/outbox").with(users.as(who))).andExpect(status().isForbidden());
			mvc.perform(post("/admin/outbox/test").with(users.as(who)).with(csrf()).param("address", "x@example.kz"))
				.andExpect(status().isForbidden());
		}
		assertThat(count("x@example.kz")).isZero();
		mvc.perform(get("/admin/outbox")).andExpect(status().is3xxRedirection());
	}

	@Test
	void anAdministratorQueuesATestMessageAndABadAddressIsRefused() throws Exception {
		mvc.perform(post("/admin/outbox/test").with(users.as("admin")).with(csrf()).param("address", "not an address"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attributeExists("org.springframework.validation.BindingResult.testMailForm"));
		mvc.perform(post("/admin/outbox/test").with(users.as("admin")).with(csrf()).param("address", " admin.test@example.kz "))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flash", "outbox.flash.testQueued"));
		assertThat(count("admin.test@example.kz")).isEqualTo(1);
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
