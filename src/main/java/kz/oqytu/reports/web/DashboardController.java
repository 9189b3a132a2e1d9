package kz.oqytu.reports.web;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.SignedIn;
import kz.oqytu.accounts.StaffOnly;
import kz.oqytu.reports.CoverageReports;
import kz.oqytu.reports.TrendPoint;
import java.time.Clock;

/** The methodologist's and the executive's landing page: the training year at a glance. */
@Controller
@StaffOnly
class DashboardController {

	private final CoverageReports reports;

	private final ChartData charts;

	private final kz.oqytu.budget.Budgets budgets;

	private final Clock clock;

	private final RegionPicker picker;

	DashboardController(CoverageReports reports, ChartData charts, kz.oqytu.budget.Budgets budgets, Clock clock,
			RegionPicker picker) {
		this.picker = picker;
		this.clock = clock;
		this.reports = reports;
		this.charts = charts;
		this.budgets = budgets;
	}

	@GetMapping("/dashboard")
	String dashboard(@SignedIn CurrentUser me, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long region,
			Model model, java.util.Locale locale) {
		int y = CoverageReportController.valid(year, clock) ? year : reports.latestYear(me);
		// another region, or the whole union (its root), for those whose scope covers it
		Optional<Long> regionId = Optional.ofNullable(region);
		List<TrendPoint> trend = reports.trend(me, regionId);
		model.addAttribute("year", y);
		var report = reports.annual(me, regionId, y);
		model.addAttribute("report", report);
		picker.offer(me, model, report.regionId(), region, java.util.Map.of("year", y));
		// the banner speaks of the year on screen, not of the calendar year
		model.addAttribute("budgetYear", y);
		model.addAttribute("budgetShare", budgets.share(report.regionId(), y).orElse(null));
		model.addAttribute("budgetNorm", budgets.norm(y));
		var breakdowns = reports.breakdowns(me, regionId, y);
		model.addAttribute("breakdowns", breakdowns);
		model.addAttribute("trendJson", charts.trend(trend, locale));
		model.addAttribute("monthsJson", charts.months(breakdowns.byMonth(), locale));
		model.addAttribute("districtsJson", charts.districts(breakdowns.byDistrict(), locale));
		// the country's regions (issue 17): empty on a region's dashboard
		var byRegion = reports.byRegion(me, regionId, y);
		model.addAttribute("byRegion", byRegion);
		model.addAttribute("regionsJson", charts.regions(byRegion, locale));
		model.addAttribute("trend", trend);
		model.addAttribute("years", trend.stream().map(TrendPoint::year).sorted(java.util.Comparator.reverseOrder()).toList());
		return "reports/dashboard";
	}
}
