/**
 * Coverage and monitoring: the annual coverage report in the layout of the union's table (HTML,
 * Excel, PDF), its breakdowns and the dashboard. Reads every module's data, writes none.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports",
		allowedDependencies = { "accounts", "audit", "budget", "calendar", "materials", "organizations",
				"plans", "requests", "schoolplans", "shared", "surveys", "training" })
package kz.oqytu.reports;
