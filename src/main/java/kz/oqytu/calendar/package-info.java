/**
 * Calendar feeds (issue #20, part 3): each union body's upcoming events as an iCalendar feed at a secret
 * address that phones subscribe to, and one event as a file for "add to calendar". Reads the events
 * through training's {@code TrainingCalendar} and the bodies through {@code Organizations}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar",
		allowedDependencies = { "accounts", "organizations", "shared", "training" })
package kz.oqytu.calendar;
