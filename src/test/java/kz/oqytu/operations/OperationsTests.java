package kz.oqytu.operations;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What operators and their tools read: liveness, readiness with the database, metrics for admins. */
@OqytuIntegrationTest
class OperationsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Test
	void livenessAndReadinessAnswerWithoutSigningIn() throws Exception {
		mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk())
			.andExpect(content().string(containsString("UP")));
		mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
			.andExpect(content().string(containsString("UP")));
	}

	@Test
	void prometheusMetricsAreForAdministratorsOnly() throws Exception {
		mvc.perform(get("/actuator/prometheus")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/actuator/prometheus").with(users.as("methodologist"))).andExpect(status().isForbidden());
		mvc.perform(get("/actuator/prometheus").with(users.as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("hikaricp_connections")))
			.andExpect(content().string(containsString("http_server_requests")));
	}
}
