/**
 * The executive committee's resolutions and their tasks: who, by when, how far, and the plan items,
 * events and methodical materials that carry them out (decision 0056).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Resolutions",
		allowedDependencies = { "accounts", "plans", "shared", "training" })
package kz.oqytu.resolutions;
