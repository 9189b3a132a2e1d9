package kz.oqytu.budget;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.shared.Percent;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The norm is a dated setting: a new norm governs its year and later, earlier years keep theirs. */
@OqytuIntegrationTest
@Transactional
class BudgetNormTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Budgets budgets;

	@Test
	void theSeededNormIsTenPercentSince2000() {
		TrainingNorm norm = budgets.norm(2025);
		assertThat(norm.share()).isEqualTo(Percent.ofValue("10"));
		assertThat(norm.effectiveFrom()).isEqualTo(java.time.LocalDate.of(2000, 1, 1));
	}

	@Test
	void aNewNormGovernsItsYearAndLaterButNotEarlierYears() throws Exception {
		mvc.perform(post("/budget/norms").with(users.as("admin")).with(csrf())
			.param("share", "8,5")
			.param("effectiveFrom", "2026-03-01")).andExpect(status().is3xxRedirection());
		assertThat(budgets.norm(2025).share()).isEqualTo(Percent.ofValue("10"));
		assertThat(budgets.norm(2026).share()).isEqualTo(Percent.ofValue("8.5"));
		assertThat(budgets.share(2, 2025).orElseThrow().status()).isEqualTo(BudgetStatus.BELOW);
		// 8% in 2025 stays below the old 10%; the 2026 plan of 10% meets the new 8,5% too.
		assertThat(budgets.share(2, 2026).orElseThrow().norm()).isEqualTo(Percent.ofValue("8.5"));
	}

	@Test
	void aNormOutOfRangeOrOnATakenDateIsRefusedAtItsField() throws Exception {
		mvc.perform(post("/budget/norms").with(users.as("admin")).with(csrf())
			.param("share", "0")
			.param("effectiveFrom", "2027-01-01"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "share", "budget.error.normShare"));
		mvc.perform(post("/budget/norms").with(users.as("admin")).with(csrf())
			.param("share", "12")
			.param("effectiveFrom", "2000-01-01"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "effectiveFrom", "budget.error.normDateTaken"));
		assertThat(budgets.norms()).hasSize(1);
	}

	@Test
	void changingTheNormWithAStaleVersionIsAConflict() throws Exception {
		TrainingNorm norm = budgets.norms().get(0);
		mvc.perform(post("/budget/norms/" + norm.id() + "/edit").with(users.as("admin")).with(csrf())
			.param("share", "10")
			.param("effectiveFrom", "2000-01-01")
			.param("version", Integer.toString(norm.version() + 1))).andExpect(status().isConflict());
	}
}
