package kz.oqytu.reports.domain;

import org.springframework.context.annotation.Profile;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.UnitInfo;

/**
 * Bench profile only: the statements of the annual report's and the dashboard's pages over the
 * rollups, run for a region (or the union's root) through the very methods the pages' services call
 * (issue #17: "the dashboard baseline runs the same statements as the page"), with nothing around
 * them: no session, security, access checks, view records or template. S3 compares each page with
 * its own SQL. It sits beside the package-private methods it calls.
 */
@RestController
@Profile("bench")
class ReportBenchBaselines {

	private final CoverageReportService reports;

	private final CoverageQueries queries;

	private final Organizations organizations;

	private final kz.oqytu.budget.Budgets budgets;

	ReportBenchBaselines(CoverageReportService reports, CoverageQueries queries, Organizations organizations,
			kz.oqytu.budget.Budgets budgets) {
		this.reports = reports;
		this.queries = queries;
		this.organizations = organizations;
		this.budgets = budgets;
	}

	/** The report page's: its figures, breakdowns, budget and regions (annualPage), and the year selector. */
	@GetMapping(value = "/bench/baseline/coverage", produces = "text/plain")
	@Transactional(readOnly = true)
	String coverage(@RequestParam long region, @RequestParam int year) {
		UnitInfo unit = unit(region);
		var page = reports.annualPage(unit, year);
		long check = page.breakdowns().byDistrict().size() + page.byRegion().size() + page.budget().size();
		check += queries.heldYears(unit.path()).size();
		return check + "\n";
	}

	/** The dashboard's, in the controller's order: trend, figures, budget, breakdowns, regions. */
	@GetMapping(value = "/bench/baseline/dashboard", produces = "text/plain")
	@Transactional(readOnly = true)
	String dashboard(@RequestParam long region, @RequestParam int year) {
		UnitInfo unit = unit(region);
		long check = reports.trend(unit).size();
		check += reports.annual(unit, year).current().trained();
		check += budgets.share(unit.id(), year).isPresent() ? 1 : 0;
		check += budgets.norm(year) != null ? 1 : 0;
		check += reports.breakdowns(unit, year).byDistrict().size();
		check += reports.byRegion(unit, year).size();
		return check + "\n";
	}

	private UnitInfo unit(long region) {
		return organizations.info(region).orElseThrow();
	}
}
