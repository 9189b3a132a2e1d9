/**
 * Surveys of participants: questionnaires in versions, a QR-coded anonymous survey per event
 * (after the event and a follow-up on practical use), responses, results and interviews.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Surveys",
		allowedDependencies = { "accounts", "organizations", "shared", "training" })
package kz.oqytu.surveys;
