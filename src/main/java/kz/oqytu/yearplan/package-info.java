/**
 * Next year's plan drafted from the coverage gap (issue #22, part 3; decision 0050): the people a
 * target coverage takes, by district and category, the events it takes by form and what they cost
 * against the budget norm, and the plan items it drafts into the regional plan through the plans
 * module's {@link kz.oqytu.plans.Plans}. Lives above reports, plans, requests, surveys and budget, as
 * decision 0047 asks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Plan drafts",
		allowedDependencies = { "accounts", "budget", "organizations", "plans", "reports", "requests",
				"shared", "staffreport", "surveys", "training" })
package kz.oqytu.yearplan;
