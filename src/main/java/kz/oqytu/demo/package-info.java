/**
 * Demo data that reproduces the union's report: loaded through the other modules' services into
 * an empty database on first local start, never in production unless asked for.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data",
		allowedDependencies = { "accounts", "budget", "materials", "organizations", "plans", "requests",
				"resolutions", "schoolplans", "shared", "surveys", "training" })
package kz.oqytu.demo;
