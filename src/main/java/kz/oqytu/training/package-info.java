/**
 * Training events (form, topics, dates, venue, methods, status) and their attendance: head counts
 * per participant category, or named participant lists from which the counts are derived.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Training",
		allowedDependencies = { "accounts", "organizations", "shared" })
package kz.oqytu.training;
