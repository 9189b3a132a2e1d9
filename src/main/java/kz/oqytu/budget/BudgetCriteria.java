package kz.oqytu.budget;

/**
 * Year and order of the budget overview. Sort is one of a fixed set of columns; the regional
 * organization always comes first, then the committees, then primary organizations, each group
 * in the chosen order.
 */
public record BudgetCriteria(int year, Sort sort, boolean descending) {

	public BudgetCriteria {
		sort = sort == null ? Sort.NAME : sort;
	}

	public enum Sort {
		NAME, TOTAL, TRAINING, SHARE, STATUS, SHORTFALL
	}
}
