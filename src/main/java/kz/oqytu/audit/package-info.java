/**
 * The audit trail: who changed what and when, before and after, for every table people change;
 * append-only, read by administrators and by the annual report (changes since its approval).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit",
		allowedDependencies = { "accounts" })
package kz.oqytu.audit;
