package kz.oqytu.staffreport.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.SignedIn;
import kz.oqytu.accounts.StaffOnly;
import kz.oqytu.accounts.TrainingWriter;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.web.OnRuleBroken;
import kz.oqytu.staffreport.StaffReport;
import kz.oqytu.staffreport.StaffReports;

/**
 * The staff report of a report year: {@code /staff-reports?year=Y} (the page, editable while a draft),
 * its DOCX and PDF, saving the texts as a version and approving a version.
 */
@Controller
class StaffReportController {

	static final MediaType DOCX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	/** Form fields carrying a block's text are named {@code t_<block key>}. */
	static final String PREFIX = "t_";

	private final StaffReports reports;

	StaffReportController(StaffReports reports) {
		this.reports = reports;
	}

	@GetMapping("/staff-reports")
	@StaffOnly
	String page(@SignedIn CurrentUser me, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long region, Model model,
			Locale locale) {
		if (year == null) {
			return "redirect:/staff-reports?year=" + reports.defaultYear() + (region == null ? "" : "&region=" + region);
		}
		try {
			return show(me, year, region, model, locale, Map.of());
		}
		catch (BusinessRuleException ex) {
			if (!"year".equals(ex.field())) {
				throw ex;
			}
			// a year outside 2001..next year, as the coverage report does: the default year instead
			return "redirect:/staff-reports?year=" + reports.defaultYear() + (region == null ? "" : "&region=" + region);
		}
	}

	@GetMapping("/staff-reports.docx")
	@StaffOnly
	ResponseEntity<byte[]> docx(@SignedIn CurrentUser me, @RequestParam int year,
			@RequestParam(required = false) Long region, Locale locale) {
		byte[] body = yearKnown(() -> reports.docx(me, Optional.ofNullable(region), year, locale));
		return download(body, DOCX, "oqytu-staff-report-" + year + "-" + language(locale) + ".docx");
	}

	@GetMapping("/staff-reports.pdf")
	@StaffOnly
	ResponseEntity<byte[]> pdf(@SignedIn CurrentUser me, @RequestParam int year,
			@RequestParam(required = false) Long region, Locale locale) {
		byte[] body = yearKnown(() -> reports.pdf(me, Optional.ofNullable(region), year, locale));
		return download(body, MediaType.APPLICATION_PDF, "oqytu-staff-report-" + year + "-" + language(locale) + ".pdf");
	}

	/** A download for a year outside 2001..next year is no file: 404, as for an address that does not exist. */
	private static byte[] yearKnown(java.util.function.Supplier<byte[]> file) {
		try {
			return file.get();
		}
		catch (BusinessRuleException ex) {
			if ("year".equals(ex.field())) {
				throw new kz.oqytu.shared.NotFoundException("staff report year");
			}
			throw ex;
		}
	}

	@PostMapping("/staff-reports/versions")
	@TrainingWriter
	String save(@SignedIn CurrentUser me, @RequestParam int year, @RequestParam(required = false) Long region,
			@RequestParam Map<String, String> params, Model model, Locale locale, RedirectAttributes redirect,
			HttpServletResponse response) {
		Map<String, String> texts = new LinkedHashMap<>();
		params.forEach((k, v) -> {
			if (k.startsWith(PREFIX)) {
				texts.put(k.substring(PREFIX.length()), v);
			}
		});
		try {
			int number = reports.saveVersion(me, Optional.ofNullable(region), year, locale, texts);
			redirect.addFlashAttribute("flash", "staffreport.flash.saved");
			redirect.addFlashAttribute("flashArgs", new Object[] { number });
			return "redirect:/staff-reports?year=" + year + (region == null ? "" : "&region=" + region);
		}
		catch (BusinessRuleException ex) {
			// the page again with what was typed and the error beside its paragraph; nothing stored
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			model.addAttribute("flashError", ex.messageKey());
			model.addAttribute("flashArgs", ex.arguments().length == 0 ? null : ex.arguments());
			model.addAttribute("errorKey", ex.field());
			return show(me, year, region, model, locale, texts);
		}
	}

	@PostMapping("/staff-reports/approval")
	@OnRuleBroken(redirect = "/staff-reports", keep = { "year", "region" })
	@TrainingWriter
	String approve(@SignedIn CurrentUser me, @RequestParam int year, @RequestParam(required = false) Long region,
			@RequestParam int version,
			Locale locale, RedirectAttributes redirect) {
		reports.approve(me, Optional.ofNullable(region), year, locale, version);
		redirect.addFlashAttribute("flash", "staffreport.flash.approved");
		return "redirect:/staff-reports?year=" + year + (region == null ? "" : "&region=" + region);
	}

	private String show(CurrentUser me, int year, Long region, Model model, Locale locale, Map<String, String> typed) {
		StaffReport report = reports.report(me, Optional.ofNullable(region), year, locale);
		model.addAttribute("report", report);
		model.addAttribute("typed", typed);
		model.addAttribute("years", reports.years(me));
		model.addAttribute("bodies", reports.bodies(me));
		model.addAttribute("region", region);
		model.addAttribute("mayEdit", me.writesTraining() && report.editable());
		model.addAttribute("mayApprove", me.writesTraining());
		return "staffreport/report";
	}

	private static String language(Locale locale) {
		return locale != null && ("ru".equals(locale.getLanguage()) || "en".equals(locale.getLanguage()))
				? locale.getLanguage() : "kk";
	}

	private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(body);
	}
}
