package kz.oqytu.budget;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.shared.Percent;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A methodologist enters a committee's smeta: amounts as the union writes them, errors next to
 * the field in the user's language, nothing saved on error, a stale edit refused.
 */
@OqytuIntegrationTest
@Transactional
class BudgetEntryTests {

	/** Алға district committee; 2024 has no demo budget. */
	private static final long ALGA = 4;

	private static final String EDIT = "/budget/bodies/4/2024/edit";

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Budgets budgets;

	@Test
	void aMethodologistRecordsASmetaTypedWithSpacesAndADecimalComma() throws Exception {
		mvc.perform(entry("12 000 000,00", "11 800 000,50", "1 300 000", "1 062 045,05")
			.param("seminarsActual", "600 000")
			.param("travelActual", "200000.00"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/budget/bodies/4"));
		BudgetShare share = budgets.share(ALGA, 2024).orElseThrow();
		assertThat(share.basis()).isEqualTo(FigureBasis.ACTUAL);
		assertThat(share.totalExpenditure()).isEqualByComparingTo("11800000.50");
		assertThat(share.share()).isEqualTo(Percent.ofValue("9"));
		assertThat(share.status()).isEqualTo(BudgetStatus.BELOW);
		mvc.perform(get("/budget/bodies/4").with(users.as("methodologist")))
			.andExpect(content().string(containsString("11 800 000,50")))
			.andExpect(content().string(containsString("600 000,00")));
	}

	@Test
	void aNegativeAmountIsAnErrorAtItsFieldAndNothingIsSaved() throws Exception {
		mvc.perform(entry("-5 000 000", null, "100 000", null))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "totalPlanned", "budget.error.negative"))
			.andExpect(content().string(containsString("Сома теріс бола алмайды.")))
			.andExpect(content().string(containsString("is-invalid")));
		assertThat(budgets.share(ALGA, 2024)).isEmpty();
	}

	@Test
	void trainingAboveTheTotalIsAnErrorAtTheTrainingField() throws Exception {
		mvc.perform(entry("1 000 000", null, "1 000 000,01", null).param("lang", "ru"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "trainingPlanned", "budget.error.trainingAboveTotal"))
			.andExpect(content().string(containsString("Расходы на обучение не могут превышать расходную часть сметы.")));
		assertThat(budgets.share(ALGA, 2024)).isEmpty();
	}

	@Test
	void aMissingTotalIsAnErrorAtTheTotalField() throws Exception {
		mvc.perform(entry(null, null, "150 000", null))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "totalPlanned", "budget.error.totalMissing"));
		mvc.perform(entry(null, null, null, null))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "totalPlanned", "budget.error.totalMissing"));
		assertThat(budgets.share(ALGA, 2024)).isEmpty();
	}

	@Test
	void everyErrorOfTheFormIsShownAtOnce() throws Exception {
		mvc.perform(entry("1 000", "-1", "2 000", "0"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "trainingPlanned", "budget.error.trainingAboveTotal"))
			.andExpect(model().attributeHasFieldErrorCode("form", "totalActual", "budget.error.negative"));
		assertThat(budgets.share(ALGA, 2024)).isEmpty();
	}

	@Test
	void textThatIsNotAnAmountIsRefusedWithAnExample() throws Exception {
		mvc.perform(entry("12 млн", null, "1 200 000", null).param("lang", "ru"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "totalPlanned", "Pattern"))
			.andExpect(content().string(containsString("Введите сумму в тенге, например 12 000 000,50.")));
		assertThat(budgets.share(ALGA, 2024)).isEmpty();
	}

	@Test
	void breakdownLinesAboveTheTrainingAreRefused() throws Exception {
		mvc.perform(entry("1 000 000", null, "100 000", null).param("seminarsPlanned", "80 000")
			.param("otherPlanned", "30 000"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "trainingPlanned", "budget.error.linesAboveTraining"));
		assertThat(budgets.share(ALGA, 2024)).isEmpty();
	}

	@Test
	void aStaleEditIsRefusedWithAConflictAndTheFirstSaveStays() throws Exception {
		mvc.perform(entry("1 000 000", null, "100 000", null)).andExpect(status().is3xxRedirection());
		int version = budgets.body(users.current("methodologist"), ALGA).year(2024).orElseThrow().version();
		mvc.perform(entry("1 000 000", null, "120 000", null).param("version", Integer.toString(version)))
			.andExpect(status().is3xxRedirection());
		mvc.perform(entry("1 000 000", null, "50 000", null).param("version", Integer.toString(version))
			.with(users.as("admin")))
			.andExpect(status().isConflict());
		assertThat(budgets.share(ALGA, 2024).orElseThrow().trainingSpending()).isEqualByComparingTo("120000");
	}

	@Test
	void enteringANewYearThatSomeoneRecordedMeanwhileIsAConflict() throws Exception {
		mvc.perform(entry("1 000 000", null, "100 000", null)).andExpect(status().is3xxRedirection());
		mvc.perform(entry("2 000 000", null, "100 000", null)).andExpect(status().isConflict());
		assertThat(budgets.share(ALGA, 2024).orElseThrow().totalExpenditure()).isEqualByComparingTo("1000000");
	}

	@Test
	void theEditFormShowsTheRecordedFiguresAsTheUnionWritesThem() throws Exception {
		mvc.perform(get("/budget/bodies/2/2025/edit").with(users.as("methodologist")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"150 000 000,00\"")))
			.andExpect(content().string(containsString("value=\"6 480 000,00\"")));
	}

	@Test
	void aBudgetCanBeDeleted() throws Exception {
		mvc.perform(entry("1 000 000", null, "100 000", null)).andExpect(status().is3xxRedirection());
		int version = budgets.body(users.current("methodologist"), ALGA).year(2024).orElseThrow().version();
		mvc.perform(post("/budget/bodies/4/2024/delete").with(users.as("methodologist")).with(csrf())
			.param("version", Integer.toString(version)))
			.andExpect(status().is3xxRedirection());
		assertThat(budgets.share(ALGA, 2024)).isEmpty();
	}

	@Test
	void aYearOutsideTheRangeIsNotFound() throws Exception {
		mvc.perform(get("/budget/bodies/4/1999/edit").with(users.as("methodologist"))).andExpect(status().isNotFound());
		mvc.perform(get("/budget/bodies/4/2200/edit").with(users.as("methodologist"))).andExpect(status().isNotFound());
	}

	private MockHttpServletRequestBuilder entry(String totalPlanned, String totalActual, String trainingPlanned,
			String trainingActual) {
		MockHttpServletRequestBuilder request = post(EDIT).with(users.as("methodologist")).with(csrf());
		if (totalPlanned != null) {
			request.param("totalPlanned", totalPlanned);
		}
		if (totalActual != null) {
			request.param("totalActual", totalActual);
		}
		if (trainingPlanned != null) {
			request.param("trainingPlanned", trainingPlanned);
		}
		if (trainingActual != null) {
			request.param("trainingActual", trainingActual);
		}
		return request;
	}
}
