package kz.oqytu.reports;

import kz.oqytu.budget.BudgetShare;
import kz.oqytu.budget.TrainingNorm;

/** The region's training share of its budget in a year ({@code share} null without a budget) and the norm then. */
public record BudgetFigure(int year, BudgetShare share, TrainingNorm norm) {

	public boolean hasData() {
		return share != null && share.hasData();
	}
}
