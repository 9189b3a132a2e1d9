package kz.oqytu.operations;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.StatementCounter;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * List and report pages issue a fixed, small number of SQL statements (session statements aside),
 * whatever their row count: a page of 5 and a page of 100 cost the same, and reports have a ceiling.
 */
@OqytuIntegrationTest
class PageStatementTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@ParameterizedTest(name = "{0} and {1}")
	@CsvSource({ "/events?year=2025&size=5, /events?year=2025&size=100, 3",
			"/organizations?size=5, /organizations?size=100, 4",
			"/admin/audit?size=5, /admin/audit?size=100, 3" })
	void listPagesCostTheSameWhateverTheirLength(String small, String large, int ceiling) throws Exception {
		int few = statementsFor(small, url -> url.startsWith("/admin") ? "admin" : "methodologist");
		int many = statementsFor(large, url -> url.startsWith("/admin") ? "admin" : "methodologist");
		assertThat(many).as(StatementCounter.statements().toString()).isEqualTo(few);
		assertThat(many).as(StatementCounter.statements().toString()).isLessThanOrEqualTo(ceiling);
	}

	// The survey overview: 9 since issue #15 (each line published in whole groups of k, decision 17).
	// Dashboard and report: each breakdown one statement over the rollups (issue #17, under a
	// millisecond each), the left-out list two over the monitoring rollups (count, first lines).
	@ParameterizedTest(name = "{0}")
	@CsvSource({ "/dashboard?year=2025, 23", "/reports/coverage?year=2025, 26", "/budget?year=2025, 9",
			"/surveys/results?year=2025, 9", "/requests?year=2026, 4" })
	void reportPagesStayUnderTheirCeiling(String url, int ceiling) throws Exception {
		assertThat(statementsFor(url, u -> "methodologist")).as(StatementCounter.statements().toString())
			.isLessThanOrEqualTo(ceiling);
	}

	private int statementsFor(String url, java.util.function.Function<String, String> user) throws Exception {
		// Warm the caches (reference data) first, then count one request; the signed-in user is
		// loaded before counting (in the application it comes from the session).
		mvc.perform(get(url).with(users.as(user.apply(url)))).andExpect(status().isOk());
		var signedIn = users.as(user.apply(url));
		StatementCounter.reset();
		mvc.perform(get(url).with(signedIn)).andExpect(status().isOk());
		return StatementCounter.count();
	}
}
