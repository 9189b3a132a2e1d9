package kz.oqytu.budget;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * A body's budget for a year as entered: expenditure and training spending, planned and actual,
 * and the optional breakdown of training spending. Amounts are tenge; null means not entered.
 */
public record BudgetCommand(BigDecimal totalPlanned, BigDecimal totalActual, BigDecimal trainingPlanned,
		BigDecimal trainingActual, Map<BudgetLineCategory, PlanFact> lines) {

	public BudgetCommand {
		Map<BudgetLineCategory, PlanFact> copy = new EnumMap<>(BudgetLineCategory.class);
		if (lines != null) {
			lines.forEach((category, amounts) -> {
				if (amounts != null && !amounts.isEmpty()) {
					copy.put(category, amounts);
				}
			});
		}
		lines = java.util.Collections.unmodifiableMap(copy);
	}

	public PlanFact line(BudgetLineCategory category) {
		return lines.getOrDefault(category, PlanFact.EMPTY);
	}
}
