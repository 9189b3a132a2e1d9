package kz.oqytu.budget.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import kz.oqytu.budget.BudgetCommand;
import kz.oqytu.budget.BudgetLineCategory;
import kz.oqytu.budget.PlanFact;

/**
 * What a budget must satisfy before it is saved, by the form or by the import: no negative
 * amounts, tenge with at most two decimals, an expenditure total for every column that has
 * training spending (and the other way round), training within the expenditure, and breakdown
 * lines within the training spending.
 *
 * <p>Violations name the form field and a code; the form shows {@code budget.error.<code>} next to
 * the field, the import shows {@code budget.import.error.<code>} with the column's title.
 */
final class BudgetRules {

	/** numeric(16,2): fourteen digits before the decimal comma. */
	static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999.99");

	private BudgetRules() {
	}

	record Violation(String field, String code) {
	}

	static List<Violation> violations(BudgetCommand c) {
		List<Violation> found = new ArrayList<>();
		amount(found, "totalPlanned", c.totalPlanned());
		amount(found, "totalActual", c.totalActual());
		amount(found, "trainingPlanned", c.trainingPlanned());
		amount(found, "trainingActual", c.trainingActual());
		for (BudgetLineCategory category : BudgetLineCategory.values()) {
			amount(found, category.plannedField(), c.line(category).planned());
			amount(found, category.actualField(), c.line(category).actual());
		}
		column(found, "Planned", c.totalPlanned(), c.trainingPlanned(), linesSum(c, true));
		column(found, "Actual", c.totalActual(), c.trainingActual(), linesSum(c, false));
		if (c.totalPlanned() == null && c.totalActual() == null
				&& found.stream().noneMatch(v -> v.code().equals("totalMissing"))) {
			found.add(new Violation("totalPlanned", "totalMissing"));
		}
		return found;
	}

	private static void amount(List<Violation> found, String field, BigDecimal value) {
		if (value == null) {
			return;
		}
		if (value.signum() < 0) {
			found.add(new Violation(field, "negative"));
		}
		else if (value.stripTrailingZeros().scale() > 2) {
			found.add(new Violation(field, "tooManyDecimals"));
		}
		else if (value.compareTo(MAX_AMOUNT) > 0) {
			found.add(new Violation(field, "tooLarge"));
		}
	}

	/** One column of the smeta (plan or fact): total, training and the lines agree with each other. */
	private static void column(List<Violation> found, String suffix, BigDecimal total, BigDecimal training,
			BigDecimal lines) {
		String totalField = "total" + suffix;
		String trainingField = "training" + suffix;
		if (total == null && (training != null || lines != null)) {
			found.add(new Violation(totalField, "totalMissing"));
		}
		if (training == null && (total != null || lines != null)) {
			found.add(new Violation(trainingField, "trainingMissing"));
		}
		if (total != null && training != null && training.compareTo(total) > 0) {
			found.add(new Violation(trainingField, "trainingAboveTotal"));
		}
		else if (training != null && lines != null && lines.compareTo(training) > 0) {
			found.add(new Violation(trainingField, "linesAboveTraining"));
		}
	}

	/** Sum of the breakdown lines of one column, or null when none has an amount there. */
	private static BigDecimal linesSum(BudgetCommand c, boolean planned) {
		BigDecimal sum = null;
		for (PlanFact line : c.lines().values()) {
			BigDecimal v = planned ? line.planned() : line.actual();
			if (v != null) {
				sum = sum == null ? v : sum.add(v);
			}
		}
		return sum;
	}
}
