/**
 * Self check-in at a seminar: a QR code and short code per event, the participants' own entries
 * (no account), and the methodologist's confirmation of them into the event's named list.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Check-in",
		allowedDependencies = { "accounts", "organizations", "shared", "surveys", "training" })
package kz.oqytu.checkin;
