package kz.oqytu.budget.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

import kz.oqytu.budget.BudgetShare;
import kz.oqytu.budget.BudgetStatus;
import kz.oqytu.budget.FigureBasis;
import kz.oqytu.shared.Percent;

/**
 * The union's rule: training spending must be at least the norm's share of the expenditure part
 * of the budget. Actual figures decide when both are there; otherwise the plan does. The share is
 * truncated to one decimal before it is compared, so 9,99% is 9,9% and below a 10% norm.
 */
final class ShareRule {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private ShareRule() {
	}

	static BudgetShare evaluate(long unitId, int year, BigDecimal totalPlanned, BigDecimal totalActual,
			BigDecimal trainingPlanned, BigDecimal trainingActual, Percent norm) {
		if (usable(totalActual, trainingActual)) {
			return judge(unitId, year, FigureBasis.ACTUAL, totalActual, trainingActual, norm);
		}
		if (usable(totalPlanned, trainingPlanned)) {
			return judge(unitId, year, FigureBasis.PLANNED, totalPlanned, trainingPlanned, norm);
		}
		return new BudgetShare(unitId, year, BudgetStatus.NO_DATA, FigureBasis.NONE, null, norm, null, null, null, null);
	}

	/** A zero expenditure gives no share at all, rather than a division error or a 0%. */
	private static boolean usable(BigDecimal total, BigDecimal training) {
		return total != null && total.signum() > 0 && training != null;
	}

	private static BudgetShare judge(long unitId, int year, FigureBasis basis, BigDecimal total, BigDecimal training,
			Percent norm) {
		Percent share = Percent.of(training, total).orElseThrow();
		if (share.atLeast(norm)) {
			return new BudgetShare(unitId, year, BudgetStatus.MEETS, basis, share, norm, total, training,
					new Percent(BigDecimal.ZERO), BigDecimal.ZERO.setScale(2));
		}
		// Rounded up to the tiyn: adding exactly this much brings the share to the norm.
		BigDecimal needed = norm.value().multiply(total).divide(HUNDRED, 2, RoundingMode.CEILING);
		BigDecimal missing = needed.subtract(training).max(BigDecimal.ZERO).setScale(2, RoundingMode.CEILING);
		return new BudgetShare(unitId, year, BudgetStatus.BELOW, basis, share, norm, total, training,
				new Percent(share.pointsAbove(norm).negate()), missing);
	}
}
