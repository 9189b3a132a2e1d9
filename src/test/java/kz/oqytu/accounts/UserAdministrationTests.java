package kz.oqytu.accounts;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The administrator manages accounts; a disabled account cannot sign in; nobody else may manage. */
@OqytuIntegrationTest
@Transactional
class UserAdministrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Accounts accounts;

	@Test
	void demoAccountsSignInWithPasswordDemo() throws Exception {
		for (String username : new String[] { "admin", "methodologist", "executive", "chair" }) {
			mvc.perform(formLogin().user(username).password("demo")).andExpect(authenticated().withUsername(username));
		}
		mvc.perform(formLogin().user("methodologist").password("wrong")).andExpect(unauthenticated());
	}

	@Test
	void adminCreatesDisablesAndResetsAnAccount() throws Exception {
		mvc.perform(post("/admin/users/new").with(users.as("admin")).with(csrf())
			.param("username", "Aigerim.K")
			.param("fullName", "  Айгерім Қасымова ")
			.param("role", "METHODOLOGIST")
			.param("scopeUnitId", "2")
			.param("password", "s3cret-passphrase"))
			.andExpect(status().is3xxRedirection());
		AccountView created = accounts.list().stream().filter(a -> a.username().equals("aigerim.k")).findFirst().orElseThrow();
		assertThat(created.fullName()).isEqualTo("Айгерім Қасымова");
		mvc.perform(formLogin().user("aigerim.k").password("s3cret-passphrase")).andExpect(authenticated());

		mvc.perform(post("/admin/users/" + created.id() + "/enabled").with(users.as("admin")).with(csrf())
			.param("enabled", "false")).andExpect(status().is3xxRedirection());
		mvc.perform(formLogin().user("aigerim.k").password("s3cret-passphrase")).andExpect(unauthenticated());

		mvc.perform(post("/admin/users/" + created.id() + "/enabled").with(users.as("admin")).with(csrf())
			.param("enabled", "true")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/admin/users/" + created.id() + "/password").with(users.as("admin")).with(csrf())
			.param("newPassword", "another-passphrase")
			.param("confirmPassword", "another-passphrase")).andExpect(status().is3xxRedirection());
		mvc.perform(formLogin().user("aigerim.k").password("s3cret-passphrase")).andExpect(unauthenticated());
		mvc.perform(formLogin().user("aigerim.k").password("another-passphrase")).andExpect(authenticated());
	}

	@Test
	void aChairMustBeBoundToAPrimaryOrganization() throws Exception {
		mvc.perform(post("/admin/users/new").with(users.as("admin")).with(csrf())
			.param("lang", "ru")
			.param("username", "wrong.chair")
			.param("fullName", "Төраға")
			.param("role", "CHAIR")
			.param("scopeUnitId", "3")
			.param("password", "long-enough-passphrase"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "scopeUnitId", "accounts.error.chairNeedsPrimary"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(
					"Председатель ППО привязывается к одной первичной организации.")));
		assertThat(accounts.list()).noneMatch(a -> a.username().equals("wrong.chair"));
	}

	@Test
	void invalidAccountFormShowsErrorsNextToTheFields() throws Exception {
		mvc.perform(post("/admin/users/new").with(users.as("admin")).with(csrf())
			.param("username", "x")
			.param("fullName", "")
			.param("role", "METHODOLOGIST")
			.param("scopeUnitId", "2")
			.param("password", "short"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "username", "fullName", "password"));
	}

	@Test
	void takenUsernameIsRefused() throws Exception {
		mvc.perform(post("/admin/users/new").with(users.as("admin")).with(csrf())
			.param("username", "Methodologist")
			.param("fullName", "Copy")
			.param("role", "METHODOLOGIST")
			.param("scopeUnitId", "2")
			.param("password", "long-enough-passphrase"))
			.andExpect(model().attributeHasFieldErrorCode("form", "username", "accounts.error.usernameTaken"));
	}

	@Test
	void onlyTheAdministratorManagesAccounts() throws Exception {
		for (String username : new String[] { "methodologist", "executive", "chair" }) {
			mvc.perform(get("/admin/users").with(users.as(username))).andExpect(status().isForbidden());
			mvc.perform(post("/admin/users/new").with(users.as(username)).with(csrf())
				.param("username", "intruder")
				.param("fullName", "x")
				.param("role", "ADMIN")
				.param("scopeUnitId", "1")
				.param("password", "long-enough-passphrase")).andExpect(status().isForbidden());
		}
		mvc.perform(get("/admin/users").with(users.as("admin"))).andExpect(status().isOk());
		assertThat(accounts.list()).noneMatch(a -> a.username().equals("intruder"));
	}

	@Test
	void usersChangeTheirOwnPasswordOnlyWithTheCurrentOne() throws Exception {
		mvc.perform(post("/account/password").with(users.as("executive")).with(csrf())
			.param("currentPassword", "not-it")
			.param("newPassword", "new-passphrase-2026")
			.param("confirmPassword", "new-passphrase-2026"))
			.andExpect(model().attributeHasFieldErrorCode("passwordForm", "currentPassword",
					"accounts.error.currentPasswordWrong"));
		mvc.perform(post("/account/password").with(users.as("executive")).with(csrf())
			.param("currentPassword", "demo")
			.param("newPassword", "new-passphrase-2026")
			.param("confirmPassword", "new-passphrase-2026")).andExpect(status().is3xxRedirection());
		mvc.perform(formLogin().user("executive").password("new-passphrase-2026")).andExpect(authenticated());
	}
}
