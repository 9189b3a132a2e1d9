package kz.oqytu.budget.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import kz.oqytu.budget.BudgetCommand;
import kz.oqytu.budget.BudgetLineCategory;
import kz.oqytu.budget.PlanFact;

import static org.assertj.core.api.Assertions.assertThat;

/** What a budget must satisfy before it is saved, whether it comes from the form or the import. */
class BudgetRulesTests {

	@Test
	void aCompleteBudgetPasses() {
		assertThat(BudgetRules.violations(command("150000000", "150000000", "12000000", "12000000"))).isEmpty();
	}

	@Test
	void aPlanAloneOrActualsAlonePass() {
		assertThat(BudgetRules.violations(command("160000000", null, "16000000", null))).isEmpty();
		assertThat(BudgetRules.violations(command(null, "150000000", null, "12000000"))).isEmpty();
	}

	@Test
	void aNegativeAmountIsRefusedAtItsField() {
		assertThat(codes(command("-1", null, "0", null))).contains("totalPlanned:negative");
	}

	@Test
	void trainingAboveTheTotalIsRefusedAtTheTrainingField() {
		assertThat(codes(command("1000", null, "1000.01", null))).containsExactly("trainingPlanned:trainingAboveTotal");
	}

	@Test
	void aBudgetWithoutAnyTotalIsRefused() {
		assertThat(codes(command(null, null, null, null))).containsExactly("totalPlanned:totalMissing");
	}

	@Test
	void trainingWithoutItsTotalIsRefusedAtThatColumnsTotal() {
		assertThat(codes(command("1000", null, "100", "50"))).containsExactly("totalActual:totalMissing");
	}

	@Test
	void aTotalWithoutTrainingAsksForTheTraining() {
		assertThat(codes(command("1000", null, null, null))).containsExactly("trainingPlanned:trainingMissing");
	}

	@Test
	void moreThanTwoDecimalsIsRefused() {
		assertThat(codes(command("1000.001", null, "100", null))).containsExactly("totalPlanned:tooManyDecimals");
	}

	@Test
	void breakdownLinesMayNotAddUpToMoreThanTheTraining() {
		BudgetCommand command = new BudgetCommand(money("1000"), null, money("100"), null,
				Map.of(BudgetLineCategory.SEMINARS, new PlanFact(money("60"), null), BudgetLineCategory.TRAVEL,
						new PlanFact(money("40.01"), null)));
		assertThat(codes(command)).containsExactly("trainingPlanned:linesAboveTraining");
		BudgetCommand fits = new BudgetCommand(money("1000"), null, money("100"), null,
				Map.of(BudgetLineCategory.SEMINARS, new PlanFact(money("60"), null)));
		assertThat(BudgetRules.violations(fits)).isEmpty();
	}

	@Test
	void aNegativeBreakdownLineIsRefusedAtItsField() {
		BudgetCommand command = new BudgetCommand(money("1000"), money("1000"), money("100"), money("100"),
				Map.of(BudgetLineCategory.MATERIALS, new PlanFact(null, money("-5"))));
		assertThat(codes(command)).contains("materialsActual:negative");
	}

	private static List<String> codes(BudgetCommand command) {
		return BudgetRules.violations(command).stream().map(v -> v.field() + ":" + v.code()).toList();
	}

	private static BudgetCommand command(String totalPlanned, String totalActual, String trainingPlanned,
			String trainingActual) {
		return new BudgetCommand(money(totalPlanned), money(totalActual), money(trainingPlanned), money(trainingActual),
				Map.of());
	}

	private static BigDecimal money(String value) {
		return value == null ? null : new BigDecimal(value);
	}
}
