package kz.oqytu.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import kz.oqytu.shared.jobs.MaintenanceJobs;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.SettableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * Guessing is counted before any password is checked, per account name and per client address;
 * failures slow a name down progressively (1 s doubling to 15 minutes), never lock it for longer;
 * the login page says when to come back. The application's clock is held still here and moved on by
 * hand, and every password check is counted by wrapping the password encoder.
 */
@OqytuIntegrationTest
class LoginThrottleTests {

	private static final String USER = "throttle.tester";

	private static final String PASSWORD = "throttle-tester-right-passphrase";

	/** Every {@code PasswordEncoder.matches} the application makes: one per password checked. */
	static final AtomicInteger PASSWORD_CHECKS = new AtomicInteger();

	@TestConfiguration(proxyBeanMethods = false)
	static class StillClockAndCountedChecks {

		@Bean
		@Primary
		SettableClock settableClock(@Qualifier("clock") Clock clock) {
			return new SettableClock(clock.instant().truncatedTo(ChronoUnit.SECONDS), clock.getZone());
		}

		@Bean
		static BeanPostProcessor countPasswordChecks() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (!(bean instanceof PasswordEncoder encoder) || !name.equals("passwordEncoder")) {
						return bean;
					}
					return new PasswordEncoder() {
						@Override
						public String encode(CharSequence raw) {
							return encoder.encode(raw);
						}

						@Override
						public boolean matches(CharSequence raw, String encoded) {
							PASSWORD_CHECKS.incrementAndGet();
							return encoder.matches(raw, encoded);
						}

						@Override
						public boolean upgradeEncoding(String encoded) {
							return encoder.upgradeEncoding(encoded);
						}
					};
				}
			};
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SettableClock clock;

	@Autowired
	MaintenanceJobs maintenance;

	@BeforeEach
	void anAccountToGuessAt() {
		if (accounts.list().stream().noneMatch(a -> a.username().equals(USER))) {
			accounts.create(new AccountCommand(USER, "Throttle Tester", null, Role.EXECUTIVE, 2, PASSWORD));
		}
		clear();
	}

	@AfterEach
	void clear() {
		jdbc.sql("delete from login_throttle where subject in ('throttle.tester', 'nobody.here', 'admin', 'methodologist',"
				+ " 'executive', 'chair') or subject like 'spray.%' or subject like '198.51.100.%'"
				+ " or subject like '203.0.113.%' or subject like '2001:db8:%'").update();
	}

	@Test
	void fortyParallelWrongGuessesAreCountedOneAfterAnotherAndOnlyFiveAreChecked() throws Exception {
		int checksBefore = PASSWORD_CHECKS.get();
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<String>> guesses = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			String guess = "wrong-guess-" + i;
			guesses.add(() -> {
				start.await();
				return login(USER, guess, "203.0.113.1").getResponse().getRedirectedUrl();
			});
		}
		List<String> redirects = runAll(guesses, start);

		assertThat(PASSWORD_CHECKS.get() - checksBefore).isEqualTo(5);
		assertThat(redirects).filteredOn("/login?error"::equals).hasSize(5);
		assertThat(redirects).filteredOn("/login?wait=1"::equals).hasSize(35);
		assertThat(tries("account", USER)).isEqualTo(5);
		assertThat(tries("address", "203.0.113.1")).isEqualTo(5);
	}

	@Test
	void sprayingOnePasswordOverThirtyNamesFromOneAddressIsStoppedWhileAnotherAddressSignsIn() throws Exception {
		for (int i = 0; i < 29; i++) {
			login("spray." + i, "Summer2026!", "198.51.100.7");
		}
		login(USER, "Summer2026!", "198.51.100.7");
		int checksBefore = PASSWORD_CHECKS.get();

		MvcResult refused = login(USER, PASSWORD, "198.51.100.7");
		assertThat(PASSWORD_CHECKS.get()).as("the 31st try is not checked").isEqualTo(checksBefore);
		String until = hhmm(clock.instant().plus(Duration.ofMinutes(15)));
		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/login?locked=" + until);
		mvc.perform(get(refused.getResponse().getRedirectedUrl()).param("lang", "ru"))
			.andExpect(content().string(containsString("Попробуйте снова после " + until)));
		mvc.perform(get(refused.getResponse().getRedirectedUrl()).param("lang", "kk"))
			.andExpect(content().string(containsString(until + " кейін қайталап көріңіз")));

		mvc.perform(loginRequest(USER, PASSWORD, "198.51.100.8")).andExpect(authenticated().withUsername(USER));

		clock.advance(Duration.ofMinutes(15));
		mvc.perform(loginRequest(USER, PASSWORD, "198.51.100.7")).andExpect(authenticated().withUsername(USER));
	}

	@Test
	void aSeminarRoomBehindOneAddressSignsInAndMistypesFreely() throws Exception {
		for (int round = 0; round < 5; round++) {
			for (String staff : new String[] { "admin", "methodologist", "executive", "chair" }) {
				mvc.perform(loginRequest(staff, "demo", "198.51.100.20")).andExpect(authenticated().withUsername(staff));
			}
			login(USER, "typo-" + round, "198.51.100.20");
			mvc.perform(loginRequest(USER, PASSWORD, "198.51.100.20")).andExpect(authenticated());
		}
		assertThat(tries("address", "198.51.100.20")).as("only the typos count").isEqualTo(5);
	}

	@Test
	void eachFurtherFailureDoublesTheWaitAndTheRightPasswordWorksOnceItIsOver() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(login(USER, "wrong-" + i, "203.0.113.2").getResponse().getRedirectedUrl()).isEqualTo("/login?error");
		}
		List<Long> waits = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			long wait = waitSeconds(USER);
			waits.add(wait);
			int checks = PASSWORD_CHECKS.get();
			MvcResult early = login(USER, PASSWORD, "203.0.113.2");
			assertThat(early.getResponse().getRedirectedUrl()).isEqualTo("/login?wait=" + wait);
			assertThat(PASSWORD_CHECKS.get()).as("nothing is checked during the wait").isEqualTo(checks);
			clock.advance(Duration.ofSeconds(wait));
			login(USER, "still-wrong-" + i, "203.0.113.2");
		}
		assertThat(waits).containsExactly(1L, 2L, 4L, 8L);
		assertThat(waitSeconds(USER)).isEqualTo(16);

		clock.advance(Duration.ofSeconds(16));
		mvc.perform(loginRequest(USER, PASSWORD, "203.0.113.2")).andExpect(authenticated().withUsername(USER));
		assertThat(jdbc.sql("select count(*) from login_throttle where kind = 'account' and subject = :u")
			.param("u", USER).query(Long.class).single()).as("a right password starts the name afresh").isZero();
	}

	@Test
	void theAdministratorIsNeverKeptOutLongerThanFifteenMinutes() throws Exception {
		List<Long> waits = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			// The attacker changes address to stay below the address limit.
			login("admin", "guess-" + i, "2001:db8:" + i + "::1");
			long wait = waitSeconds("admin");
			waits.add(wait);
			clock.advance(Duration.ofSeconds(wait));
		}
		assertThat(waits).allMatch(w -> w <= 15 * 60);
		assertThat(waits.subList(14, 25)).containsOnly(15L * 60);

		login("admin", "guess-last", "2001:db8:ff::1");
		MvcResult refused = login("admin", "demo", "198.51.100.30");
		assertThat(refused.getResponse().getRedirectedUrl())
			.isEqualTo("/login?locked=" + hhmm(clock.instant().plus(Duration.ofMinutes(15))));
		clock.advance(Duration.ofMinutes(15));
		mvc.perform(loginRequest("admin", "demo", "198.51.100.30")).andExpect(authenticated().withUsername("admin"));
	}

	@Test
	void theLoginPageSaysInKazakhAndRussianHowManySecondsToWait() throws Exception {
		for (int i = 0; i < 5; i++) {
			login(USER, "wrong-" + i, "203.0.113.3");
		}
		MvcResult refused = login(USER, PASSWORD, "203.0.113.3");
		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/login?wait=1");
		mvc.perform(get("/login?wait=1").param("lang", "kk"))
			.andExpect(content().string(containsString("Кіру әрекеттері тым көп. 1 секундтан кейін қайталап көріңіз.")));
		mvc.perform(get("/login?wait=1").param("lang", "ru"))
			.andExpect(content().string(containsString("Слишком много попыток входа. Повторите через 1 с.")));
		mvc.perform(get("/login?wait=1").param("lang", "en"))
			.andExpect(content().string(containsString("Try again in 1 second.")));
		mvc.perform(get("/login?wait=nonsense").param("lang", "en"))
			.andExpect(content().string(containsString("Try again a little later.")));
	}

	@Test
	void anUnknownNameIsTreatedExactlyLikeAKnownOne() throws Exception {
		List<String> unknown = new ArrayList<>();
		List<String> known = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			unknown.add(login("nobody.here", "x" + i, "203.0.113.4").getResponse().getRedirectedUrl());
			known.add(login(USER, "x" + i, "203.0.113.5").getResponse().getRedirectedUrl());
		}
		assertThat(unknown).isEqualTo(known).endsWith("/login?wait=1");
	}

	@Test
	void failuresOnOneNameDoNotSlowAnother() throws Exception {
		for (int i = 0; i < 6; i++) {
			login("nobody.here", "x" + i, "203.0.113.6");
		}
		mvc.perform(loginRequest(USER, PASSWORD, "203.0.113.6")).andExpect(authenticated());
	}

	@Test
	void nightlyHousekeepingRemovesOldRowsButNotAPendingWait() {
		jdbc.sql("""
				insert into login_throttle (kind, subject, failures, first_failure_at, locked_until) values
				  ('account', 'spray.old', 3, :now - interval '2 days', null),
				  ('address', '203.0.113.9', 30, :now - interval '2 days', :now - interval '1 day'),
				  ('account', 'spray.waiting', 20, :now - interval '2 days', :now + interval '10 minutes'),
				  ('account', 'spray.today', 2, :now - interval '1 hour', null)""")
			.param("now", java.time.OffsetDateTime.ofInstant(clock.instant(), clock.getZone()))
			.update();
		jdbc.sql("delete from shedlock where name = 'housekeeping'").update();
		maintenance.housekeeping();
		assertThat(jdbc.sql("select subject from login_throttle where subject in"
				+ " ('spray.old', '203.0.113.9', 'spray.waiting', 'spray.today') order by subject")
			.query(String.class).list()).containsExactly("spray.today", "spray.waiting");
	}

	private MvcResult login(String username, String password, String address) throws Exception {
		return mvc.perform(loginRequest(username, password, address)).andExpect(unauthenticated()).andReturn();
	}

	private static org.springframework.test.web.servlet.RequestBuilder loginRequest(String username, String password,
			String address) {
		return post("/login").with(csrf()).param("username", username).param("password", password).with(request -> {
			request.setRemoteAddr(address);
			return request;
		});
	}

	private long tries(String kind, String subject) {
		return jdbc.sql("select failures from login_throttle where kind = :k and subject = :s")
			.param("k", kind).param("s", subject).query(Long.class).single();
	}

	private long waitSeconds(String username) {
		OffsetDateTime until = jdbc.sql("select locked_until from login_throttle where kind = 'account' and subject = :u")
			.param("u", username).query(OffsetDateTime.class).optional().orElse(null);
		return until == null ? 0 : Math.max(0, Duration.between(clock.instant(), until.toInstant()).toSeconds());
	}

	private String hhmm(Instant instant) {
		return DateTimeFormatter.ofPattern("HH:mm")
			.format(LocalTime.ofInstant(instant, clock.getZone()).withSecond(0).withNano(0).plusMinutes(1));
	}

	private static List<String> runAll(List<Callable<String>> tasks, CountDownLatch start) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
		try {
			List<Future<String>> futures = new ArrayList<>();
			for (Callable<String> task : tasks) {
				futures.add(pool.submit(task));
			}
			start.countDown();
			List<String> results = new ArrayList<>();
			for (Future<String> f : futures) {
				results.add(f.get());
			}
			return results;
		}
		finally {
			pool.shutdown();
		}
	}
}
