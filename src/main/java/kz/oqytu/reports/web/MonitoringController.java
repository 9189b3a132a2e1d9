package kz.oqytu.reports.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.SignedIn;
import kz.oqytu.accounts.StaffOnly;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.reports.Monitoring;
import kz.oqytu.reports.MonitoringFilter;
import kz.oqytu.reports.MonitoringPage;
import java.time.Clock;

/**
 * The monitoring of primary organizations ({@code /reports/monitoring}), filterable by district and
 * by what needs attention, paged in SQL on the page and whole (streamed in batches) in the workbook.
 */
@Controller
@StaffOnly
class MonitoringController {

	static final int PAGE_SIZE = 100;

	private final Monitoring monitoring;

	private final Organizations organizations;

	private final kz.oqytu.reports.CoverageReports reports;

	private final kz.oqytu.surveys.OrganizationSurveys surveys;

	private final Clock clock;

	private final RegionPicker picker;

	MonitoringController(Monitoring monitoring, Organizations organizations, kz.oqytu.reports.CoverageReports reports,
			kz.oqytu.surveys.OrganizationSurveys surveys, Clock clock, RegionPicker picker) {
		this.picker = picker;
		this.clock = clock;
		this.monitoring = monitoring;
		this.organizations = organizations;
		this.reports = reports;
		this.surveys = surveys;
	}

	@GetMapping("/reports/monitoring")
	String page(@SignedIn CurrentUser account, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long district,
			@RequestParam(defaultValue = "ALL") MonitoringFilter show, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) Long region, Model model) {
		// issue 17: ?region= narrows the account's scope to one region (or the whole union) it covers
		CurrentUser me = picker.narrow(account, region);
		picker.offer(account, model, me.scopeUnitId(), region, java.util.Map.of("year",
				CoverageReportController.valid(year, clock) ? year : reports.latestYear(me), "show", show));
		// Like the dashboard: the latest year with held events unless asked.
		int y = CoverageReportController.valid(year, clock) ? year : reports.latestYear(me);
		MonitoringPage result = monitoring.page(me, y, district, show, page, PAGE_SIZE);
		model.addAttribute("year", y);
		model.addAttribute("district", district);
		model.addAttribute("show", show);
		model.addAttribute("filters", MonitoringFilter.values());
		model.addAttribute("result", result.rows());
		model.addAttribute("totals", result.totals());
		model.addAttribute("unrecorded", monitoring.unrecorded(me, y));
		model.addAttribute("committees", organizations.committees(me));
		model.addAttribute("years", years(me, y));
		model.addAttribute("threshold", surveys.anonymityThreshold());
		return "reports/monitoring";
	}

	@GetMapping("/reports/monitoring.xlsx")
	ResponseEntity<byte[]> workbook(@SignedIn CurrentUser account, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long district, @RequestParam(defaultValue = "ALL") MonitoringFilter show,
			@RequestParam(required = false) Long region, Locale locale) {
		CurrentUser me = picker.narrow(account, region);
		int y = CoverageReportController.valid(year, clock) ? year : reports.latestYear(me);
		return CoverageReportController.download(monitoring.workbook(me, y, district, show, locale),
				CoverageReportController.XLSX, "oqytu-monitoring-" + y + ".xlsx");
	}

	private List<Integer> years(CurrentUser me, int chosen) {
		java.util.TreeSet<Integer> years = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
		years.addAll(reports.years(me));
		years.add(LocalDate.now(clock).getYear());
		years.add(chosen);
		return List.copyOf(years);
	}
}
