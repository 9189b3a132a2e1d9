package kz.oqytu.accounts;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.testsupport.Workbooks;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The bulk chair list's preview page, as the administrator sees it: a name written the way people write
 * it is shown with the registry organization and district it was matched to, before anyone is invited.
 */
@OqytuIntegrationTest
class ChairInvitationPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void thePreviewShowsTheRegistryOrganizationAndDistrictEachRowWasMatchedTo() throws Exception {
		Map<String, Object> school = jdbc.sql("""
				select o.name_ru, d.name_ru as district from org_unit o join org_unit d on d.id = o.parent_id
				where o.level = 'PRIMARY' and o.active and o.name_ru is not null and not exists (select 1 from app_user u where u.scope_unit_id = o.id)
				order by o.id limit 1""").query().singleRow();
		String name = (String) school.get("name_ru");
		String email = "matched." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		byte[] list = Workbooks.of(new Object[] { "Организация", "ФИО председателя", "Email", "Телефон" },
				new Object[] { name.toUpperCase(), "Серікова Дана", email, "+7 701 555 00 11" });
		MockMultipartFile file = new MockMultipartFile("file", "chairs.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", list);
		String preview = mvc.perform(multipart("/admin/users/chairs").file(file).with(users.as("admin")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(preview + "?lang=ru").with(users.as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"chair-matches\""),
					containsString(name + " — " + school.get("district")))));
	}
}
