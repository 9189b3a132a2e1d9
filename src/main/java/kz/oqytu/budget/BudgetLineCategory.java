package kz.oqytu.budget;

/** The optional breakdown lines of a body's training spending. */
public enum BudgetLineCategory {

	SEMINARS, MATERIALS, TRAINERS, TRAVEL, OTHER;

	/** Form field of the planned amount, e.g. {@code seminarsPlanned}. */
	public String plannedField() {
		return name().toLowerCase(java.util.Locale.ROOT) + "Planned";
	}

	/** Form field of the actual amount, e.g. {@code seminarsActual}. */
	public String actualField() {
		return name().toLowerCase(java.util.Locale.ROOT) + "Actual";
	}
}
