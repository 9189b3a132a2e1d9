package kz.oqytu.notifications;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import kz.oqytu.notifications.domain.MailSendingJob;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The outbox pages of the administrator (/admin/outbox): signed-in users and the security rules come
 * from other modules, so these stay on the whole application (OutboxTests has the module alone).
 */
@OqytuIntegrationTest
class OutboxPageTests {

	@Autowired
	Notifications notifications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MailSendingJob job;

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	@Autowired
	Users users;

	private long count(String to) {
		return jdbc.sql("select count(*) from mail_outbox where recipient = :to").param("to", to).query(Long.class).single();
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
}
