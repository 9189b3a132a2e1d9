package kz.oqytu.accounts;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A password a person chooses (created by the administrator, reset, or changed by its owner) has
 * at least 12 characters, is not a common one and not the username; the form says why, in the
 * user's language, next to the field, and nothing is stored.
 */
@OqytuIntegrationTest
@Transactional
class PasswordRulesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	jakarta.persistence.EntityManager entityManager;

	long id;

	@BeforeEach
	void anAccount() {
		id = accounts.create(new AccountCommand("rules.tester", "Rules Tester", null, Role.EXECUTIVE, 2,
				"rules-tester-first-phrase"));
	}

	@Test
	void theProbesWeakPasswordsAreRefusedOnTheResetFormWithTheReason() throws Exception {
		String before = hash();
		for (String weak : new String[] { "12345678", "password1234", "qwertyuiop12" }) {
			mvc.perform(post("/admin/users/" + id + "/password").with(users.as("admin")).with(csrf())
				.param("lang", "ru")
				.param("newPassword", weak)
				.param("confirmPassword", weak))
				.andExpect(status().isOk())
				.andExpect(model().attributeHasFieldErrors("passwordForm", "newPassword"))
				.andExpect(content().string(containsString(weak.length() < 12
						? "Пароль должен содержать от 12 до 128 знаков."
						: "Этот пароль есть в списке самых распространённых паролей")));
		}
		assertThat(hash()).isEqualTo(before);
	}

	@Test
	void anAccountIsNotCreatedWithACommonPasswordAndTheKazakhFormSaysWhy() throws Exception {
		mvc.perform(post("/admin/users/new").with(users.as("admin")).with(csrf())
			.param("lang", "kk")
			.param("username", "weak.one")
			.param("fullName", "Weak One")
			.param("role", "EXECUTIVE")
			.param("scopeUnitId", "2")
			.param("password", "password1234"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "password", "accounts.password.common"))
			.andExpect(content().string(containsString("Бұл құпиясөз ең жиі қолданылатын құпиясөздер тізімінде бар")));
		assertThat(accounts.list()).noneMatch(a -> a.username().equals("weak.one"));
	}

	@Test
	void theOwnerCannotChooseAWeakPasswordOrOneHoldingTheUsername() throws Exception {
		String before = hash();
		mvc.perform(post("/account/password").with(users.as("rules.tester")).with(csrf())
			.param("lang", "en")
			.param("currentPassword", "rules-tester-first-phrase")
			.param("newPassword", "qwertyuiop12")
			.param("confirmPassword", "qwertyuiop12"))
			.andExpect(model().attributeHasFieldErrorCode("passwordForm", "newPassword", "accounts.password.common"))
			.andExpect(content().string(containsString("on the list of the most common passwords")));
		mvc.perform(post("/account/password").with(users.as("rules.tester")).with(csrf())
			.param("lang", "en")
			.param("currentPassword", "rules-tester-first-phrase")
			.param("newPassword", "Rules.Tester-2026")
			.param("confirmPassword", "Rules.Tester-2026"))
			.andExpect(model().attributeHasFieldErrorCode("passwordForm", "newPassword", "accounts.password.username"));
		assertThat(hash()).isEqualTo(before);
	}

	@Test
	void aGoodPassphraseOfTwelveOrMoreCharactersIsAccepted() throws Exception {
		mvc.perform(post("/admin/users/" + id + "/password").with(users.as("admin")).with(csrf())
			.param("newPassword", "tulpar jetisu kok tobe")
			.param("confirmPassword", "tulpar jetisu kok tobe")).andExpect(redirectedUrl("/admin/users"));
		mvc.perform(formLogin().user("rules.tester").password("tulpar jetisu kok tobe")).andExpect(authenticated());
	}

	@Test
	void theFormsSayTheRuleBeforeAnythingIsTyped() throws Exception {
		mvc.perform(get("/account/password").with(users.as("rules.tester")).param("lang", "kk"))
			.andExpect(content().string(containsString("Кемінде 12 таңба")));
		mvc.perform(get("/admin/users/new").with(users.as("admin")).param("lang", "ru"))
			.andExpect(content().string(containsString("Не менее 12 знаков")));
	}

	private String hash() {
		entityManager.flush();
		return jdbc.sql("select password_hash from app_user where id = :id").param("id", id).query(String.class).single();
	}
}
