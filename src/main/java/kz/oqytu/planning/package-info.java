/**
 * The regional annual training plan with its approval, items and their execution, the primary
 * organizations' school plans, topic requests and request campaigns, and the executive
 * committee's resolutions with their tasks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Planning",
		allowedDependencies = { "accounts", "organizations", "shared", "surveys", "training" })
package kz.oqytu.planning;
