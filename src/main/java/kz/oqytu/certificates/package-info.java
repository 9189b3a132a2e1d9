/**
 * Certificates of attendance (issue #20, part 2): a PDF per named participant of a held event, in
 * Kazakh or Russian, with a QR code to a public page that verifies it by an unguessable code; issued,
 * reprinted and revoked by the methodologist. Reads events and participants through training's
 * {@code TrainingEvents}, organizers through {@code Organizations}, draws QR codes with surveys'
 * {@code QrCodes} (decision 0045).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Certificates",
		allowedDependencies = { "accounts", "organizations", "shared", "surveys", "training" })
package kz.oqytu.certificates;
