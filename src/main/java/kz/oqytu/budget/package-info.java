/**
 * Each union body's yearly budget (smeta) and its training spending, and the check that training
 * takes at least the union's norm (10%) of the budget's expenditure part.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Budget",
		allowedDependencies = { "accounts", "organizations", "shared" })
package kz.oqytu.budget;
