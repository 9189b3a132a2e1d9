package kz.oqytu.accounts;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import kz.oqytu.testsupport.OqytuIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import java.time.Clock;

/** Guessing passwords is slowed per account name, the user is told when to retry, and nothing locks forever. */
@OqytuIntegrationTest
class LoginThrottleTests {

	@Autowired
	Clock clock;

	private static final String USER = "throttle.tester";

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void anAccountToGuessAt() {
		if (accounts.list().stream().noneMatch(a -> a.username().equals(USER))) {
			accounts.create(new AccountCommand(USER, "Throttle Tester", null, Role.EXECUTIVE, 2, "right-password"));
		}
		clear();
	}

	@AfterEach
	void clear() {
		jdbc.sql("delete from login_throttle where username in ('throttle.tester', 'nobody.here')").update();
	}

	@Test
	void fiveWrongPasswordsLockTheNameAndTheSixthAttemptIsRefusedEvenIfRight() throws Exception {
		for (int i = 0; i < 5; i++) {
			mvc.perform(formLogin().user(USER).password("wrong-" + i)).andExpect(unauthenticated());
		}
		MvcResult locked = mvc.perform(formLogin().user(USER).password("right-password"))
			.andExpect(unauthenticated()).andReturn();
		String redirect = locked.getResponse().getRedirectedUrl();
		assertThat(redirect).matches("/login\\?locked=\\d{2}:\\d{2}");
		mvc.perform(get(redirect).param("lang", "ru"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Попробуйте снова после")));
	}

	@Test
	void aLockRunsOutByItself() throws Exception {
		for (int i = 0; i < 5; i++) {
			mvc.perform(formLogin().user(USER).password("wrong-" + i)).andExpect(unauthenticated());
		}
		jdbc.sql("update login_throttle set locked_until = :now - interval '1 minute' where username = :u")
			.param("now", java.time.OffsetDateTime.now(clock)).param("u", USER).update();
		mvc.perform(formLogin().user(USER).password("right-password")).andExpect(authenticated());
		assertThat(jdbc.sql("select count(*) from login_throttle where username = :u").param("u", USER)
			.query(Long.class).single()).isZero();
	}

	@Test
	void anUnknownNameIsTreatedExactlyLikeAKnownOne() throws Exception {
		for (int i = 0; i < 5; i++) {
			MvcResult r = mvc.perform(formLogin().user("nobody.here").password("x" + i)).andReturn();
			assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
		}
		MvcResult locked = mvc.perform(formLogin().user("nobody.here").password("x")).andReturn();
		assertThat(locked.getResponse().getRedirectedUrl()).startsWith("/login?locked=");
	}

	@Test
	void failuresOnOneAccountDoNotLockAnother() throws Exception {
		for (int i = 0; i < 5; i++) {
			mvc.perform(formLogin().user("nobody.here").password("x" + i));
		}
		mvc.perform(formLogin().user(USER).password("right-password")).andExpect(authenticated());
	}
}
