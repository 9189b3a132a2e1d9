package kz.oqytu.reports.web;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.CurrentUsers;
import kz.oqytu.accounts.StaffOnly;
import kz.oqytu.reports.CoverageReports;

/**
 * The annual coverage report at its stable addresses: {@code /reports/coverage?year=Y} (HTML),
 * {@code /reports/coverage.xlsx?year=Y} and {@code /reports/coverage.pdf?year=Y}.
 */
@Controller
@StaffOnly
class CoverageReportController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final CoverageReports reports;

	CoverageReportController(CoverageReports reports) {
		this.reports = reports;
	}

	@GetMapping("/reports/coverage")
	String coverage(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long region,
			Model model) {
		CurrentUser me = CurrentUsers.require();
		if (!valid(year)) {
			return "redirect:/reports/coverage?year=" + reports.latestYear(me);
		}
		var report = reports.annual(me, Optional.ofNullable(region), year);
		model.addAttribute("report", report);
		model.addAttribute("breakdowns", reports.breakdowns(me, Optional.ofNullable(region), year));
		model.addAttribute("budgetShares", reports.budget(me, Optional.ofNullable(region), year));
		model.addAttribute("years", years(me));
		return "reports/coverage";
	}

	@GetMapping("/reports/coverage.xlsx")
	ResponseEntity<byte[]> workbook(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long region, Locale locale) {
		CurrentUser me = CurrentUsers.require();
		int y = valid(year) ? year : reports.latestYear(me);
		return download(reports.annualWorkbook(me, Optional.ofNullable(region), y, locale), XLSX,
				"oqytu-coverage-" + y + ".xlsx");
	}

	@GetMapping("/reports/coverage.pdf")
	ResponseEntity<byte[]> pdf(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long region, Locale locale) {
		CurrentUser me = CurrentUsers.require();
		int y = valid(year) ? year : reports.latestYear(me);
		return download(reports.annualPdf(me, Optional.ofNullable(region), y, locale), MediaType.APPLICATION_PDF,
				"oqytu-coverage-" + y + ".pdf");
	}

	static boolean valid(Integer year) {
		return year != null && year >= 2000 && year <= LocalDate.now().getYear() + 1;
	}

	private java.util.List<Integer> years(CurrentUser me) {
		java.util.List<Integer> years = new java.util.ArrayList<>();
		reports.trend(me, Optional.empty()).forEach(p -> years.add(0, p.year()));
		return years;
	}

	private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(body);
	}
}
