/**
 * Topic requests from the primary organizations ("bottom-up"), the methodologist's decisions on them
 * (planned in an item of the regional plan, held at an event, or declined) and the request campaigns
 * that ask every organization for next year's plan (decision 0056).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Topic requests",
		allowedDependencies = { "accounts", "organizations", "plans", "shared", "surveys", "training" })
package kz.oqytu.requests;
