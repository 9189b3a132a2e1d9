package kz.oqytu.accounts;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Passphrases of any length are stored (bcrypt stopped at 72 bytes and answered 500), and a hash
 * made by the old encoder still signs in and is replaced by the new one at that moment.
 */
@OqytuIntegrationTest
@Transactional
class PasswordStorageTests {

	/** 41 characters, 74 bytes in UTF-8: past bcrypt's limit. */
	static final String KAZAKH_PASSPHRASE = "Менің құпия сөзім өте ұзақ әрі берік еді!";

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void aFortyOneCharacterKazakhPassphraseIsSetAndSignsIn() throws Exception {
		assertThat(KAZAKH_PASSPHRASE).hasSize(41);
		assertThat(KAZAKH_PASSPHRASE.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(72);
		long id = accounts.create(new AccountCommand("long.phrase", "Ұзақ сөз", null, Role.EXECUTIVE, 2,
				"a-first-passphrase-2026"));

		mvc.perform(post("/admin/users/" + id + "/password").with(users.as("admin")).with(csrf())
			.param("newPassword", KAZAKH_PASSPHRASE)
			.param("confirmPassword", KAZAKH_PASSPHRASE)).andExpect(redirectedUrl("/admin/users"));
		mvc.perform(formLogin().user("long.phrase").password(KAZAKH_PASSPHRASE)).andExpect(authenticated());
		// bcrypt compared only the first 72 bytes; the whole phrase counts now.
		mvc.perform(formLogin().user("long.phrase").password(KAZAKH_PASSPHRASE.substring(0, 40) + "?"))
			.andExpect(unauthenticated());
		assertThat(hash("long.phrase")).startsWith("{pbkdf2-600k}");

		mvc.perform(post("/account/password").with(users.as("long.phrase")).with(csrf())
			.param("currentPassword", KAZAKH_PASSPHRASE)
			.param("newPassword", KAZAKH_PASSPHRASE + " Иә!")
			.param("confirmPassword", KAZAKH_PASSPHRASE + " Иә!")).andExpect(redirectedUrl("/"));
		mvc.perform(formLogin().user("long.phrase").password(KAZAKH_PASSPHRASE + " Иә!")).andExpect(authenticated());
	}

	@Test
	void aDemoAccountWithABcryptHashSignsInAndItsHashIsReplacedByTheNewOne() throws Exception {
		String bcrypt = "{bcrypt}" + new BCryptPasswordEncoder().encode("demo");
		jdbc.sql("update app_user set password_hash = :h where username = 'chair'").param("h", bcrypt).update();

		mvc.perform(formLogin().user("chair").password("demo")).andExpect(authenticated().withUsername("chair"));

		String upgraded = hash("chair");
		assertThat(upgraded).startsWith("{pbkdf2-600k}").isNotEqualTo(bcrypt);
		assertThat(passwordEncoder.matches("demo", upgraded)).isTrue();
		mvc.perform(formLogin().user("chair").password("demo")).andExpect(authenticated().withUsername("chair"));
		assertThat(hash("chair")).as("a current hash is left alone").isEqualTo(upgraded);
	}

	@Test
	void noOtherStoredFormIsAccepted() throws Exception {
		jdbc.sql("update app_user set password_hash = '{noop}demo' where username = 'chair'").update();
		mvc.perform(formLogin().user("chair").password("demo")).andExpect(unauthenticated());
	}

	private String hash(String username) {
		return jdbc.sql("select password_hash from app_user where username = :u").param("u", username)
			.query(String.class).single();
	}
}
