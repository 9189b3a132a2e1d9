package kz.oqytu.organizations;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Organization names sort as people read them, "№ 2" before "№ 12", in every list that sorts by name. */
@OqytuIntegrationTest
@Transactional
class NaturalNameOrderTests {

	private static final List<String> READ_ORDER = List.of("Жұлдыз № 2 мектебі", "Жұлдыз № 3 мектебі",
			"Жұлдыз № 12 мектебі", "Жұлдыз № 21 мектебі");

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Organizations organizations;

	@Autowired
	JdbcClient jdbc;

	private long district;

	private void create() {
		district = jdbc.sql("select parent_id from org_unit where level = 'PRIMARY' group by parent_id order by count(*), parent_id limit 1").query(Long.class).single();
		for (String name : List.of("Жұлдыз № 12 мектебі", "Жұлдыз № 3 мектебі", "Жұлдыз № 21 мектебі", "Жұлдыз № 2 мектебі")) {
			organizations.create(users.current("methodologist"),
					new OrganizationCommand(name, name.replace("мектебі", "школа"), PrimaryKind.SCHOOL, district,
							null, null, null, null, true));
		}
	}

	@Test
	void theDatabaseSortsNamesNaturallyAndInKazakhAlphabetOrder() {
		assertThat(jdbc.sql("select x from (values ('№ 12'), ('№ 2'), ('Ірге'), ('Ырыс'), ('Әлем'), ('Бота'), ('«Айгөлек»'))"
				+ " v(x) order by x collate natural_name").query(String.class).list())
			.containsExactly("«Айгөлек»", "Әлем", "Бота", "Ырыс", "Ірге", "№ 2", "№ 12");
	}

	@Test
	void theOrganizationListShowsNumberTwoBeforeNumberTwelve() throws Exception {
		create();
		String html = mvc.perform(get("/organizations").param("q", "Жұлдыз").param("lang", "kk")
			.with(users.as("methodologist"))).andReturn().getResponse().getContentAsString();
		assertThat(positions(html, READ_ORDER)).isSorted();
		String desc = mvc.perform(get("/organizations").param("q", "Жұлдыз").param("desc", "true")
			.with(users.as("methodologist"))).andReturn().getResponse().getContentAsString();
		List<String> reversed = new java.util.ArrayList<>(READ_ORDER);
		java.util.Collections.reverse(reversed);
		assertThat(positions(desc, reversed)).isSorted();
	}

	@Test
	void monitoringListsTheDistrictsOrganizationsNaturally() throws Exception {
		create();
		String html = mvc.perform(get("/reports/monitoring").param("year", "2025").param("district", Long.toString(district))
			.param("size", "1000").param("lang", "kk").with(users.as("methodologist"))).andReturn().getResponse()
			.getContentAsString();
		assertThat(positions(html, READ_ORDER)).isSorted();
	}

	private static List<Integer> positions(String html, List<String> names) {
		List<Integer> at = names.stream().map(html::indexOf).toList();
		assertThat(at).as("every name on the page").doesNotContain(-1);
		return at;
	}
}
