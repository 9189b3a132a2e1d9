/**
 * Mail: the outbox (every message written in the transaction that caused it, rendered in the
 * recipient's language), the job that sends it over SMTP or logs it when none is configured, and
 * the reminders other modules' dates call for.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
		allowedDependencies = { "shared" })
package kz.oqytu.notifications;
