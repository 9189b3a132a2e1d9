/**
 * Reminders by mail: a topic-request campaign's deadline, a follow-up survey's opening, school-plan
 * months, unacknowledged materials; the administrator's switches and each person's opt-outs and
 * mail language. Sends through the notifications module, reads the dates through the owners' APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reminders",
		allowedDependencies = { "accounts", "materials", "notifications", "requests", "schoolplans", "shared",
				"surveys" })
package kz.oqytu.reminders;
