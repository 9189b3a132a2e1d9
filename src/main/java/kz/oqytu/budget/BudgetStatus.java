package kz.oqytu.budget;

/** How a body's training spending stands against the norm. */
public enum BudgetStatus {

	/** Training takes at least the norm's share of the expenditure. */
	MEETS,
	/** Training takes less than the norm's share. */
	BELOW,
	/** No budget figures to judge by (nothing entered, or a zero expenditure). */
	NO_DATA
}
