package kz.oqytu.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo's chair account is the person the registry names as its organization's chair (issue 19:
 * the portal said «Омарова Сәуле» while the account was «Аманова Айгүл»).
 */
@OqytuIntegrationTest
class DemoChairTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Test
	void theChairAccountIsTheOrganizationsChairInTheRegistry() throws Exception {
		var row = jdbc.sql("""
				select u.full_name, o.chair_name, o.name_kk, o.id from app_user u join org_unit o on o.id = u.scope_unit_id
				where u.username = 'chair'
				""").query().singleRow();
		assertThat(row.get("name_kk")).isEqualTo(DemoRegistry.CHAIR_ORGANIZATION_KK);
		assertThat(row.get("full_name")).isEqualTo(DemoRegistry.CHAIR_NAME);
		assertThat(row.get("chair_name")).isEqualTo(DemoRegistry.CHAIR_NAME);
		String portal = mvc.perform(get("/organizations/" + row.get("id") + "/portal").with(users.as("chair")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(portal).contains("Аманова Айгүл").doesNotContain("Омарова Сәуле");
	}
}
