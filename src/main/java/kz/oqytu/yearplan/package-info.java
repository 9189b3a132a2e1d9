/**
 * Next year's plan drafted from the coverage gap (issue #22, part 3; decision 0050): the people a
 * target coverage takes, by district and category, the events it takes by form and what they cost
 * against the budget norm, and the plan items it drafts into the regional plan through planning's
 * {@link kz.oqytu.planning.Plans}. Lives above reports, planning, surveys and budget, as decision 0047 asks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Plan drafts",
		allowedDependencies = {
			"accounts", "budget", "organizations", "planning", "reports", "shared", "staffreport", "surveys",
			"training" })
package kz.oqytu.yearplan;
