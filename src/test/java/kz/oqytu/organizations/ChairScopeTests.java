package kz.oqytu.organizations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A chair sees their own organization and nothing of any other, on every route. */
@OqytuIntegrationTest
class ChairScopeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Organizations organizations;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void chairReadsTheirOwnOrganization() throws Exception {
		CurrentUser chair = users.current("chair");
		mvc.perform(get("/organizations/" + chair.scopeUnitId()).with(users.as("chair")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("№1 мектеп-гимназия")));
	}

	@Test
	void chairLandsOnTheirOrganization() throws Exception {
		CurrentUser chair = users.current("chair");
		mvc.perform(get("/").with(users.as("chair")))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.redirectedUrl("/organizations/" + chair.scopeUnitId() + "/portal"));
	}

	@Test
	void chairIsRefusedEveryOrganizationRouteOfAnotherOrganization() throws Exception {
		long other = anotherOrganization();
		List<String> checked = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			for (String pattern : entry.getKey().getPatternValues()) {
				if (!pattern.startsWith("/organizations/{id")) {
					continue;
				}
				var methods = entry.getKey().getMethodsCondition().getMethods();
				RequestMethod method = methods.isEmpty() ? RequestMethod.GET : methods.iterator().next();
				MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method.name()),
						pattern.replaceFirst("\\{id[^}]*}", Long.toString(other)).replaceAll("\\{[^}]*}", "1"))
					.with(users.as("chair"))
					.with(csrf())
					.param("year", "2030")
					.param("members", "1")
					.param("nameKk", "Hijacked")
					.param("kind", "SCHOOL")
					.param("districtId", "3")
					.param("version", "0");
				mvc.perform(request).andExpect(status().isForbidden());
				checked.add(method + " " + pattern.replaceFirst("\\{id[^}]*}", "{id}"));
			}
		}
		assertThat(checked).contains("GET /organizations/{id}", "GET /organizations/{id}/edit",
				"POST /organizations/{id}/edit", "POST /organizations/{id}/membership");
		assertThat(organizations.details(users.current("methodologist"), other).nameKk()).isNotEqualTo("Hijacked");
	}

	@Test
	void chairCannotOpenTheRegistryTheDistrictsTheImportOrTheAdministration() throws Exception {
		for (String path : List.of("/organizations", "/organizations/districts", "/organizations/import",
				"/organizations/new", "/organizations/import/registry-template.xlsx", "/admin/users")) {
			mvc.perform(get(path).with(users.as("chair"))).andExpect(status().isForbidden());
		}
	}

	@Test
	void chairCannotChangeEvenTheirOwnRegistryEntry() throws Exception {
		CurrentUser chair = users.current("chair");
		mvc.perform(request(HttpMethod.POST, "/organizations/" + chair.scopeUnitId() + "/membership")
			.with(users.as("chair"))
			.with(csrf())
			.param("year", "2030")
			.param("members", "5")).andExpect(status().isForbidden());
	}

	@Test
	void executiveReadsButDoesNotWrite() throws Exception {
		long any = anotherOrganization();
		mvc.perform(get("/organizations/" + any).with(users.as("executive"))).andExpect(status().isOk());
		mvc.perform(get("/organizations/" + any + "/edit").with(users.as("executive"))).andExpect(status().isForbidden());
		mvc.perform(request(HttpMethod.POST, "/organizations/" + any + "/membership")
			.with(users.as("executive"))
			.with(csrf())
			.param("year", "2030")
			.param("members", "5")).andExpect(status().isForbidden());
	}

	private long anotherOrganization() {
		CurrentUser chair = users.current("chair");
		return organizations.search(users.current("methodologist"),
				new OrganizationCriteria(null, null, null, null, null, false, 0, 5))
			.getContent()
			.stream()
			.mapToLong(OrganizationRow::id)
			.filter(id -> id != chair.scopeUnitId())
			.findFirst()
			.orElseThrow();
	}
}
