/**
 * The staff report (анықтама / справка) that closes the training year: drafted from the figures the
 * reports, plans, requests, resolutions, surveys and budget modules publish, edited and versioned by
 * the methodologist, frozen with the approved coverage snapshot, exported as DOCX and PDF. Issue #22's resolution and
 * plan drafting (parts 2 and 3) belong beside it, reading {@link kz.oqytu.staffreport.StaffReports}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff report",
		allowedDependencies = { "accounts", "budget", "materials", "organizations", "plans", "reports",
				"requests", "resolutions", "shared", "surveys" })
package kz.oqytu.staffreport;
