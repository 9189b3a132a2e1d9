package kz.oqytu.accounts;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The pages of invitations and forgotten passwords, through the security filters: the administrator
 * invites, the mail (read from the outbox) carries the link, the person chooses a password once and
 * signs in; "forgot password" answers the same for any address; a sign-in writes no audit row.
 */
@OqytuIntegrationTest
class AccountLinkPagesTests {

	private static final Pattern INVITATION = Pattern.compile("/invitations/([A-Za-z0-9_-]{43})");

	private static final Pattern RESET = Pattern.compile("/password/reset/([A-Za-z0-9_-]{43})");

	private static final String PASSWORD = "qaragandy tulip morning train";

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	JdbcClient jdbc;

	String mailTo(String email, Pattern link) {
		String body = jdbc.sql("select body_text from mail_outbox where lower(recipient) = lower(:to) order by id desc limit 1")
			.param("to", email)
			.query(String.class)
			.single();
		Matcher m = link.matcher(body);
		assertThat(m.find()).as("a link in " + body).isTrue();
		return m.group(1);
	}

	int mailsTo(String email) {
		return jdbc.sql("select count(*) from mail_outbox where lower(recipient) = lower(:to)")
			.param("to", email)
			.query(Integer.class)
			.single();
	}

	String inviteByTheAdministrator(String username, String email) throws Exception {
		mvc.perform(post("/admin/users/new").with(users.as("admin")).with(csrf())
			.param("username", username)
			.param("fullName", "Invited Methodologist")
			.param("email", email)
			.param("role", "METHODOLOGIST")
			.param("scopeUnitId", "2")
			.param("password", ""))
			.andExpect(status().is3xxRedirection());
		return mailTo(email, INVITATION);
	}

	@Test
	void anInvitedPersonChoosesAPasswordOnceAndSignsIn() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String username = "pages." + suffix;
		String email = "pages." + suffix + "@example.org";
		String token = inviteByTheAdministrator(username, email);
		assertThat(mailsTo(email)).isEqualTo(1);

		mvc.perform(get("/admin/users").with(users.as("admin")).param("lang", "en"))
			.andExpect(content().string(containsString("data-status=\"INVITED\"")));
		mvc.perform(formLogin().user(username).password(PASSWORD)).andExpect(unauthenticated());

		mvc.perform(get("/invitations/" + token).param("lang", "ru"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(username)))
			.andExpect(content().string(containsString("Принять приглашение")));
		// Without the CSRF token the form is refused.
		mvc.perform(post("/invitations/" + token).param("newPassword", PASSWORD).param("confirmPassword", PASSWORD))
			.andExpect(status().isForbidden());
		mvc.perform(post("/invitations/" + token).with(csrf()).param("newPassword", PASSWORD)
			.param("confirmPassword", PASSWORD + "x")).andExpect(status().isOk());
		mvc.perform(post("/invitations/" + token).with(csrf()).param("newPassword", "qwerty123456")
			.param("confirmPassword", "qwerty123456")).andExpect(status().isOk());
		mvc.perform(post("/invitations/" + token).with(csrf()).param("newPassword", PASSWORD)
			.param("confirmPassword", PASSWORD)).andExpect(redirectedUrl("/login?accepted"));

		mvc.perform(formLogin().user(username).password(PASSWORD)).andExpect(authenticated());
		mvc.perform(get("/invitations/" + token).param("lang", "kk"))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("Сілтеме пайдаланылып қойған")));
	}

	@Test
	void anUnknownLinkIsAFriendlyPageInTheVisitorsLanguage() throws Exception {
		mvc.perform(get("/invitations/not-a-real-token").param("lang", "ru"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Такая ссылка неизвестна")))
			.andExpect(content().string(not(containsString("Exception"))));
		mvc.perform(get("/password/reset/" + "B".repeat(43)).param("lang", "en"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Ask for a new link")));
	}

	@Test
	void forgotPasswordAnswersTheSameForAnyAddressAndTheLinkWorksOnce() throws Exception {
		mvc.perform(get("/login").param("lang", "ru")).andExpect(content().string(containsString("/password/forgot")));
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String username = "forgot." + suffix;
		String email = "Forgot." + suffix + "@example.org";
		String token = inviteByTheAdministrator(username, email);
		mvc.perform(post("/invitations/" + token).with(csrf()).param("newPassword", PASSWORD)
			.param("confirmPassword", PASSWORD)).andExpect(redirectedUrl("/login?accepted"));

		String unknown = "nobody." + suffix + "@example.org";
		String knownAnswer = mvc.perform(post("/password/forgot").with(csrf()).param("email", email.toLowerCase()))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		String unknownAnswer = mvc.perform(post("/password/forgot").with(csrf()).param("email", unknown))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		assertThat(unknownAnswer).isEqualTo(knownAnswer).isEqualTo("/password/forgot/sent");
		assertThat(mailsTo(unknown)).isZero();
		assertThat(mailsTo(email)).isEqualTo(2);
		mvc.perform(post("/password/forgot").param("email", email)).andExpect(status().isForbidden());
		mvc.perform(post("/password/forgot").with(csrf()).param("email", "not an address").param("lang", "en"))
			.andExpect(status().isOk());

		String reset = mailTo(email, RESET);
		String newPassword = "aral sea ship in the sand";
		mvc.perform(post("/password/reset/" + reset).with(csrf()).param("newPassword", newPassword)
			.param("confirmPassword", newPassword)).andExpect(redirectedUrl("/login?reset"));
		mvc.perform(formLogin().user(username).password(PASSWORD)).andExpect(unauthenticated());
		mvc.perform(formLogin().user(username).password(newPassword)).andExpect(authenticated());
		mvc.perform(post("/password/reset/" + reset).with(csrf()).param("newPassword", "another phrase of words")
			.param("confirmPassword", "another phrase of words")).andExpect(status().isGone());
	}

	@Test
	void aSignInWritesNoAuditRow() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String username = "audit." + suffix;
		String email = "audit." + suffix + "@example.org";
		String token = inviteByTheAdministrator(username, email);
		mvc.perform(post("/invitations/" + token).with(csrf()).param("newPassword", PASSWORD)
			.param("confirmPassword", PASSWORD)).andExpect(redirectedUrl("/login?accepted"));
		long id = jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
		long before = auditRows(id);
		mvc.perform(formLogin().user(username).password(PASSWORD)).andExpect(authenticated());
		assertThat(jdbc.sql("select last_login_at is not null from app_user where id = :id").param("id", id)
			.query(Boolean.class).single()).as("the sign-in was recorded").isTrue();
		assertThat(auditRows(id)).isEqualTo(before);
		// A real change is still audited.
		jdbc.sql("update app_user set full_name = 'Renamed' where id = :id").param("id", id).update();
		assertThat(auditRows(id)).isEqualTo(before + 1);
	}

	long auditRows(long id) {
		return jdbc.sql("select count(*) from audit_log where table_name = 'app_user' and row_key = :id")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single();
	}
}
