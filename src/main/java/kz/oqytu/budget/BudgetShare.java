package kz.oqytu.budget;

import java.math.BigDecimal;

import kz.oqytu.shared.Percent;

/**
 * Training spending as a share of a body's budget expenditure for a year, judged against the norm
 * in force that year. Computed from the actual figures when both are there, else from the planned
 * ones ({@link #basis()} says which). The share is truncated to one decimal as the union prints it.
 *
 * <p>With {@link BudgetStatus#NO_DATA} the basis is {@link FigureBasis#NONE} and share, amounts and
 * shortfall are null. With {@link BudgetStatus#MEETS} the shortfall is zero.
 *
 * @param shortfallPoints how far below the norm, in percentage points (norm − share)
 * @param shortfallAmount the tenge missing from training spending to reach the norm
 */
public record BudgetShare(long unitId, int year, BudgetStatus status, FigureBasis basis, Percent share,
		Percent norm, BigDecimal totalExpenditure, BigDecimal trainingSpending, Percent shortfallPoints,
		BigDecimal shortfallAmount) {

	public boolean meetsNorm() {
		return status == BudgetStatus.MEETS;
	}

	public boolean below() {
		return status == BudgetStatus.BELOW;
	}

	public boolean hasData() {
		return status != BudgetStatus.NO_DATA;
	}

	/** Whether the share comes from the plan because the actual figures are not there (yet). */
	public boolean fromPlan() {
		return basis == FigureBasis.PLANNED;
	}
}
