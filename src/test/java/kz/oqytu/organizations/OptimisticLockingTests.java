package kz.oqytu.organizations;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Two people edit the same organization: the second save is refused, never silently merged. */
@OqytuIntegrationTest
@Transactional
class OptimisticLockingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Organizations organizations;

	@Test
	void aStaleEditIsRefusedWithAConflict() throws Exception {
		long id = organizations.create(users.current("methodologist"),
				new OrganizationCommand("Құлып мектебі", null, PrimaryKind.SCHOOL, 4, null, null, null, null, true));
		int version = organizations.details(users.current("methodologist"), id).version();
		mvc.perform(post("/organizations/" + id + "/edit").with(users.as("methodologist")).with(csrf())
			.param("nameKk", "Бірінші өңдеу")
			.param("kind", "SCHOOL")
			.param("districtId", "4")
			.param("active", "true")
			.param("version", Integer.toString(version))).andExpect(status().is3xxRedirection());
		mvc.perform(post("/organizations/" + id + "/edit").with(users.as("admin")).with(csrf())
			.param("nameKk", "Екінші өңдеу")
			.param("kind", "SCHOOL")
			.param("districtId", "4")
			.param("active", "true")
			.param("version", Integer.toString(version))).andExpect(status().isConflict());
		assertThat(organizations.details(users.current("admin"), id).nameKk()).isEqualTo("Бірінші өңдеу");
	}

	@Test
	void validationErrorsStayOnTheForm() throws Exception {
		mvc.perform(post("/organizations/new").with(users.as("methodologist")).with(csrf())
			.param("nameKk", " ")
			.param("kind", "SCHOOL")
			.param("districtId", "4")
			.param("chairEmail", "not-an-email")).andDo(org.springframework.test.web.servlet.result.MockMvcResultHandlers.print())
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.model()
				.attributeHasFieldErrors("form", "nameKk", "chairEmail"));
	}

	@Test
	void membershipMustBeAWholeNonNegativeNumber() throws Exception {
		long id = organizations.create(users.current("methodologist"),
				new OrganizationCommand("Сан мектебі", null, PrimaryKind.SCHOOL, 5, null, null, null, null, true));
		mvc.perform(post("/organizations/" + id + "/membership").with(users.as("methodologist")).with(csrf())
			.param("year", "2027")
			.param("members", "-4"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.model()
				.attributeHasFieldErrors("membershipForm", "members"));
		mvc.perform(post("/organizations/" + id + "/membership").with(users.as("methodologist")).with(csrf())
			.param("year", "2027")
			.param("members", "abc"))
			.andExpect(status().isOk());
		assertThat(organizations.details(users.current("methodologist"), id).membership()).isEmpty();
	}
}
