/**
 * The frame every page sits in: layout and navigation by role, locale switching, number
 * formatting for templates, the home page and the localized error pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web",
		allowedDependencies = { "accounts", "shared" })
package kz.oqytu.web;
