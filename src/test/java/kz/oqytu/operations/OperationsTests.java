package kz.oqytu.operations;

import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.web.AppVersion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What operators and their tools read: liveness and readiness open for probes; Prometheus metrics and
 * the build info only with the bearer token, on a stateless chain (no session, no cookie, 401 without);
 * Oqytu's own meters in the scrape; the version in the footer (issue #18).
 */
@OqytuIntegrationTest
class OperationsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AppVersion version;

	@Autowired
	java.time.Clock clock;

	@Value("${oqytu.metrics.token}")
	String token;

	@Test
	void livenessAndReadinessAnswerWithoutSigningIn() throws Exception {
		mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk())
			.andExpect(content().string(containsString("UP")));
		mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
			.andExpect(content().string(containsString("UP")));
	}

	@Test
	void theScrapeWithTheTokenListsOqytusMetersAndCreatesNoSession() throws Exception {
		long sessions = sessions();
		MvcResult scrape = mvc.perform(metrics("/actuator/prometheus", "Bearer " + token)).andReturn();
		MockHttpServletResponse response = scrape.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString())
			.contains("hikaricp_connections")
			.contains("http_server_requests")
			.contains("oqytu_survey_submissions_total{outcome=\"stored\"}")
			.contains("oqytu_imports_total{kind=\"membership\",outcome=\"committed\"}")
			.contains("oqytu_imports_total{kind=\"participants\",outcome=\"rejected\"}")
			.contains("oqytu_imports_rows_total{kind=\"registry\"}")
			.contains("oqytu_logins_total{outcome=\"failed\"}")
			.contains("oqytu_logins_total{outcome=\"throttled\"}")
			.contains("oqytu_logins_total{outcome=\"succeeded\"}")
			// each request is timed once; Spring Security's observation of every filter and every
			// authorization decision is off (decision 51: 13 % of the CPU under load)
			.doesNotContain("spring_security_filterchains")
			.doesNotContain("spring_security_authorizations");
		assertThat(response.getHeaders("Set-Cookie")).isEmpty();
		assertThat(scrape.getRequest().getSession(false)).isNull();
		assertThat(sessions()).isEqualTo(sessions);
	}

	@Test
	void withoutOrWithAWrongTokenTheMetricsAnswer401AndNoLoginPage() throws Exception {
		long sessions = sessions();
		for (String authorization : new String[] { null, "Bearer " + token + "x", "Bearer " + token.substring(1),
				"Basic " + token, "Bearer " }) {
			for (String path : new String[] { "/actuator/prometheus", "/actuator/info" }) {
				MvcResult result = mvc.perform(metrics(path, authorization)).andReturn();
				MockHttpServletResponse response = result.getResponse();
				assertThat(response.getStatus()).as(path + " with " + authorization).isEqualTo(401);
				assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
				assertThat(response.getRedirectedUrl()).isNull();
				assertThat(response.getContentAsString()).doesNotContain("hikaricp").doesNotContain("version");
				assertThat(response.getHeaders("Set-Cookie")).isEmpty();
				assertThat(result.getRequest().getSession(false)).isNull();
			}
		}
		assertThat(sessions()).isEqualTo(sessions);
	}

	@Test
	void aSignedInAdministratorsSessionDoesNotOpenTheMetrics() throws Exception {
		MockHttpServletResponse signIn = mvc.perform(formLogin().user("admin").password("demo"))
			.andExpect(authenticated())
			.andReturn()
			.getResponse();
		// Spring Session's cookie (named SESSION under MockMvc, OQYTU_SESSION in the server)
		jakarta.servlet.http.Cookie[] session = signIn.getCookies();
		assertThat(session).as("the admin's session cookie").isNotEmpty();
		mvc.perform(get("/admin/users").cookie(session)).andExpect(status().isOk());
		mvc.perform(get("/actuator/prometheus").cookie(session)).andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/info").cookie(session)).andExpect(status().isUnauthorized());
		// Signed in by any other means (here Spring Security's test support), still no token, still 401.
		mvc.perform(get("/actuator/prometheus").with(users.as("admin"))).andExpect(status().isUnauthorized());
	}

	@Test
	void otherActuatorEndpointsAreNotServed() throws Exception {
		for (String path : new String[] { "/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator/loggers",
				"/actuator" }) {
			int status = mvc.perform(metrics(path, "Bearer " + token).with(users.as("admin"))).andReturn().getResponse().getStatus();
			assertThat(status).as(path).isIn(401, 403, 404);
		}
	}

	@Test
	void theVersionIsInTheInfoEndpointAndTheFooter() throws Exception {
		assertThat(version.text()).isNotBlank().isNotEqualTo("dev");
		mvc.perform(metrics("/actuator/info", "Bearer " + token)).andExpect(status().isOk())
			.andExpect(content().string(containsString("\"version\":\"" + version.text() + "\"")))
			.andExpect(content().string(containsString("\"artifact\":\"oqytu\"")));
		mvc.perform(get("/dashboard?lang=ru").with(users.as("methodologist"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("Версия " + version.text())));
		mvc.perform(get("/dashboard?lang=kk").with(users.as("executive"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("Нұсқа " + version.text())));
	}

	@Test
	void failedAndThrottledSignInsAreCounted() throws Exception {
		String name = "metrics." + UUID.randomUUID().toString().substring(0, 8);
		String address = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
		double failed = logins("failed");
		double throttled = logins("throttled");
		mvc.perform(login(name, "wrong password", address)).andExpect(status().is3xxRedirection());
		assertThat(logins("failed")).isEqualTo(failed + 1);
		assertThat(logins("throttled")).isEqualTo(throttled);

		// The name waits (as after many failures): the next try is refused unchecked and counted as throttled.
		jdbc.sql("update login_throttle set locked_until = :until where kind = 'account' and subject = :name")
			.param("until", OffsetDateTime.now(clock).plusYears(50))
			.param("name", name)
			.update();
		mvc.perform(login(name, "wrong password", address)).andExpect(status().is3xxRedirection());
		assertThat(logins("throttled")).isEqualTo(throttled + 1);
		assertThat(logins("failed")).isEqualTo(failed + 1);
	}

	private MockHttpServletRequestBuilder metrics(String path, String authorization) {
		MockHttpServletRequestBuilder request = get(path);
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return request;
	}

	private static MockHttpServletRequestBuilder login(String username, String password, String address) {
		return post("/login").with(csrf()).param("username", username).param("password", password).with(request -> {
			request.setRemoteAddr(address);
			return request;
		});
	}

	/** One counter as the scrape shows it. */
	private double logins(String outcome) throws Exception {
		String body = mvc.perform(metrics("/actuator/prometheus", "Bearer " + token)).andReturn().getResponse().getContentAsString();
		String prefix = "oqytu_logins_total{outcome=\"" + outcome + "\"} ";
		return body.lines().filter(l -> l.startsWith(prefix)).mapToDouble(l -> Double.parseDouble(l.substring(prefix.length())))
			.findFirst().orElseThrow();
	}

	private long sessions() {
		return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
	}
}
