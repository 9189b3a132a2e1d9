package kz.oqytu.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** A body's budget for one year as recorded, with its share against the norm. */
public record BudgetYear(int year, BigDecimal totalPlanned, BigDecimal totalActual, BigDecimal trainingPlanned,
		BigDecimal trainingActual, Map<BudgetLineCategory, PlanFact> lines, BudgetShare share, int version,
		Instant updatedAt, String updatedBy) {

	public PlanFact line(BudgetLineCategory category) {
		return lines.getOrDefault(category, PlanFact.EMPTY);
	}

	public boolean hasLines() {
		return !lines.isEmpty();
	}
}
