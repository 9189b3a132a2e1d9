/**
 * The primary organizations' schools of union training and their annual plans: items, whether they
 * were held, the copy of last year's plan and the start from requests and the regional plan
 * (decision 0056).
 */
@org.springframework.modulith.ApplicationModule(displayName = "School plans",
		allowedDependencies = { "accounts", "organizations", "plans", "requests", "shared", "training" })
package kz.oqytu.schoolplans;
