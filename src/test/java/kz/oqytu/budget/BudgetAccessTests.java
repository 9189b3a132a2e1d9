package kz.oqytu.budget;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who may read and who may write budgets, checked on the server for every request. */
@OqytuIntegrationTest
class BudgetAccessTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Budgets budgets;

	@Test
	void anExecutiveReadsTheOverviewAndEveryBody() throws Exception {
		mvc.perform(get("/budget").with(users.as("executive"))).andExpect(status().isOk());
		mvc.perform(get("/budget/bodies/2").with(users.as("executive")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("150 000 000,00")));
		mvc.perform(get("/budget/export.xlsx").param("year", "2025").with(users.as("executive")))
			.andExpect(status().isOk());
	}

	@Test
	void anExecutiveCannotOpenTheEntryForm() throws Exception {
		mvc.perform(get("/budget/bodies/2/2025/edit").with(users.as("executive"))).andExpect(status().isForbidden());
		mvc.perform(get("/budget/bodies/4/2024/edit").with(users.as("executive"))).andExpect(status().isForbidden());
		mvc.perform(get("/budget/import").with(users.as("executive"))).andExpect(status().isForbidden());
	}

	@Test
	void anExecutiveCannotSaveOrDeleteAndNothingChanges() throws Exception {
		int version = budgets.body(users.current("executive"), 2).year(2025).orElseThrow().version();
		mvc.perform(post("/budget/bodies/2/2025/edit").with(users.as("executive")).with(csrf())
			.param("totalActual", "150 000 000")
			.param("trainingActual", "15 000 000")
			.param("version", Integer.toString(version))).andExpect(status().isForbidden());
		mvc.perform(post("/budget/bodies/2/2025/delete").with(users.as("executive")).with(csrf())
			.param("version", Integer.toString(version))).andExpect(status().isForbidden());
		assertThat(budgets.share(2, 2025).orElseThrow().trainingSpending()).isEqualByComparingTo("12000000");
	}

	@Test
	void aChairReadsTheirOwnOrganizationsBudget() throws Exception {
		CurrentUser chair = users.current("chair");
		mvc.perform(get("/budget/bodies/" + chair.scopeUnitId()).with(users.as("chair")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("4 812 000,00")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("/edit"))));
	}

	@Test
	void aChairCannotReadAnotherBodysBudget() throws Exception {
		for (String path : List.of("/budget/bodies/2", "/budget/bodies/3", "/budget/bodies/4", "/budget/bodies/1",
				"/budget/bodies/999999")) {
			mvc.perform(get(path).with(users.as("chair"))).andExpect(status().isForbidden());
		}
	}

	@Test
	void aChairCannotOpenTheOverviewTheExportTheImportOrTheEntry() throws Exception {
		CurrentUser chair = users.current("chair");
		for (String path : List.of("/budget", "/budget/export.xlsx", "/budget/import", "/budget/import/template.xlsx",
				"/budget/norms", "/budget/bodies/" + chair.scopeUnitId() + "/2025/edit")) {
			mvc.perform(get(path).with(users.as("chair"))).andExpect(status().isForbidden());
		}
		mvc.perform(post("/budget/bodies/" + chair.scopeUnitId() + "/2025/edit").with(users.as("chair")).with(csrf())
			.param("totalPlanned", "1").param("trainingPlanned", "1")).andExpect(status().isForbidden());
	}

	@Test
	@Transactional
	void aChairWhoseOrganizationHasNoBudgetIsRefused() throws Exception {
		CurrentUser chair = users.current("chair");
		CurrentUser methodologist = users.current("methodologist");
		for (BudgetYear y : budgets.body(methodologist, chair.scopeUnitId()).years()) {
			budgets.delete(methodologist, chair.scopeUnitId(), y.year(), y.version());
		}
		mvc.perform(get("/budget/bodies/" + chair.scopeUnitId()).with(users.as("chair")))
			.andExpect(status().isForbidden());
	}

	@Test
	void onlyAnAdministratorSetsTheNorm() throws Exception {
		mvc.perform(get("/budget/norms").with(users.as("admin"))).andExpect(status().isOk());
		mvc.perform(get("/budget/norms").with(users.as("methodologist"))).andExpect(status().isForbidden());
		mvc.perform(post("/budget/norms").with(users.as("methodologist")).with(csrf())
			.param("share", "5").param("effectiveFrom", "2020-01-01")).andExpect(status().isForbidden());
		assertThat(budgets.norms()).hasSize(1);
	}

	@Test
	void theUnionNodeHasNoBudgetPage() throws Exception {
		mvc.perform(get("/budget/bodies/1").with(users.as("admin"))).andExpect(status().isNotFound());
	}
}
