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
import kz.oqytu.accounts.SignedIn;
import kz.oqytu.accounts.StaffOnly;
import kz.oqytu.reports.CoverageReports;
import kz.oqytu.shared.web.OnRuleBroken;
import java.time.Clock;

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

	private final kz.oqytu.reports.ReportApprovals approvals;

	private final kz.oqytu.audit.AuditTrail audit;

	/** The tables whose changes move the report's figures. */
	static final java.util.List<String> REPORT_TABLES = java.util.List.of("training_event", "attendance_count",
			"event_participant", "membership_snapshot");

	private final Clock clock;

	private final RegionPicker picker;

	private final kz.oqytu.organizations.Organizations organizations;

	CoverageReportController(CoverageReports reports, kz.oqytu.reports.ReportApprovals approvals,
			kz.oqytu.audit.AuditTrail audit, Clock clock, RegionPicker picker,
			kz.oqytu.organizations.Organizations organizations) {
		this.picker = picker;
		this.organizations = organizations;
		this.clock = clock;
		this.reports = reports;
		this.approvals = approvals;
		this.audit = audit;
	}

	@GetMapping("/reports/coverage")
	String coverage(@SignedIn CurrentUser me, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long region,
			@RequestParam(defaultValue = "false") boolean approved, Model model, Locale locale) {
		if (!valid(year, clock)) {
			return "redirect:/reports/coverage?year=" + reports.latestYear(me) + (region == null ? "" : "&region=" + region);
		}
		Optional<Long> regionId = Optional.ofNullable(region);
		Optional<kz.oqytu.reports.ApprovedReport> approval = approvals.approved(me, regionId, year);
		model.addAttribute("approval", approval.orElse(null));
		if (approved) {
			kz.oqytu.reports.ApprovedReport a = approval
				.orElseThrow(() -> new kz.oqytu.shared.NotFoundException("approval of " + year));
			model.addAttribute("approvedView", true);
			model.addAttribute("report", a.report());
			model.addAttribute("breakdowns", a.breakdowns());
			model.addAttribute("budgetShares", a.budget());
		}
		else {
			model.addAttribute("approvedView", false);
			kz.oqytu.reports.AnnualReportPage page = reports.annualPage(me, Optional.ofNullable(region), year);
			model.addAttribute("report", page.report());
			model.addAttribute("breakdowns", page.breakdowns());
			model.addAttribute("budgetShares", page.budget());
			model.addAttribute("byRegion", page.byRegion());
			model.addAttribute("differences", approval.isPresent() ? approvals.differences(me, regionId, year, locale)
					: java.util.List.of());
			model.addAttribute("changesSinceApproval", approval.isPresent()
					? audit.countSince(approval.get().recordedAt(), REPORT_TABLES) : 0L);
			approval.ifPresent(a -> model.addAttribute("auditFrom",
					java.time.LocalDate.ofInstant(a.recordedAt(), clock.getZone()).toString()));
			if (!model.containsAttribute("approvalForm")) {
				model.addAttribute("approvalForm", new ApprovalForm(year, null, null, null, region));
			}
			model.addAttribute("mayApprove", approval.isEmpty() && approvals.mayApprove(me, regionId));
		}
		var shown = (kz.oqytu.reports.AnnualCoverageReport) model.getAttribute("report");
		picker.offer(me, model, shown.regionId(), region, java.util.Map.of("year", year));
		// who approves by default: a district or city committee's presidium, a region's executive committee
		boolean committee = organizations.info(shown.regionId())
			.map(u -> u.level() == kz.oqytu.organizations.UnitLevel.COMMITTEE)
			.orElse(false);
		model.addAttribute("approvedByDefaultKey",
				committee ? "reports.approval.approvedByDefault.COMMITTEE" : "reports.approval.approvedByDefault");
		model.addAttribute("years", years(me, year));
		return "reports/coverage";
	}

	@org.springframework.web.bind.annotation.PostMapping("/reports/coverage/approval")
	@OnRuleBroken(redirect = "/reports/coverage", keep = { "year", "region" })
	String approve(@SignedIn CurrentUser me,
			@jakarta.validation.Valid @org.springframework.web.bind.annotation.ModelAttribute("approvalForm") ApprovalForm form,
			org.springframework.validation.BindingResult result,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		// who records which approval (decision 0033) is decided before the form is looked at
		if (!approvals.mayApprove(me, Optional.ofNullable(form.region()))) {
			throw new org.springframework.security.access.AccessDeniedException("may not approve this report");
		}
		String back = form.region() == null ? "" : "&region=" + form.region();
		if (!result.hasErrors()) {
			approvals.approve(me, Optional.ofNullable(form.region()), form.year(), form.approvedOn(), form.protocol(),
					form.approvedBy());
			redirect.addFlashAttribute("flash", "reports.approval.flash.done");
			return "redirect:/reports/coverage?year=" + form.year() + back;
		}
		redirect.addFlashAttribute("flashError", "reports.approval.error.form");
		return "redirect:/reports/coverage?year=" + (form.year() == null ? "" : form.year()) + back;
	}

	@GetMapping("/reports/coverage.xlsx")
	ResponseEntity<byte[]> workbook(@SignedIn CurrentUser me, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long region, @RequestParam(defaultValue = "false") boolean approved,
			Locale locale) {
		int y = valid(year, clock) ? year : reports.latestYear(me);
		byte[] body = approved ? approvals.approvedWorkbook(me, Optional.ofNullable(region), y, locale)
				: reports.annualWorkbook(me, Optional.ofNullable(region), y, locale);
		return download(body, XLSX, "oqytu-coverage-" + y + (approved ? "-approved" : "") + ".xlsx");
	}

	@GetMapping("/reports/coverage.pdf")
	ResponseEntity<byte[]> pdf(@SignedIn CurrentUser me, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long region, @RequestParam(defaultValue = "false") boolean approved,
			Locale locale) {
		int y = valid(year, clock) ? year : reports.latestYear(me);
		byte[] body = approved ? approvals.approvedPdf(me, Optional.ofNullable(region), y, locale)
				: reports.annualPdf(me, Optional.ofNullable(region), y, locale);
		return download(body, MediaType.APPLICATION_PDF, "oqytu-coverage-" + y + (approved ? "-approved" : "") + ".pdf");
	}

	static boolean valid(Integer year, java.time.Clock clock) {
		return year != null && year >= 2000 && year <= LocalDate.now(clock).getYear() + 1;
	}

	/** Years with held events, and the year shown even without any (the selector must not claim another). */
	private java.util.List<Integer> years(CurrentUser me, int shown) {
		java.util.List<Integer> years = reports.years(me);
		if (years.contains(shown)) {
			return years;
		}
		java.util.List<Integer> all = new java.util.ArrayList<>(years);
		all.add(shown);
		all.sort(java.util.Comparator.reverseOrder());
		return all;
	}

	static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(body);
	}
}
