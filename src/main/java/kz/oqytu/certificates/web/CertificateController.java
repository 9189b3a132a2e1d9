package kz.oqytu.certificates.web;

import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.SignedIn;
import kz.oqytu.accounts.TrainingWriter;
import kz.oqytu.certificates.domain.CertificatePdf;
import kz.oqytu.certificates.domain.CertificateService;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.web.OnRuleBroken;

/**
 * An event's certificates for the methodologist: the list of participants with their certificate,
 * one certificate as a PDF, all of them as PDFs of {@link CertificateService#PART_SIZE} each, the
 * language they print in, revocation. Chairs and the executive committee are refused (decision 0045).
 */
@Controller
@RequestMapping("/events/{id}")
@TrainingWriter
class CertificateController {

	private final CertificateService certificates;

	private final CertificatePdf pdf;

	CertificateController(CertificateService certificates, CertificatePdf pdf) {
		this.certificates = certificates;
		this.pdf = pdf;
	}

	@GetMapping("/certificates")
	String list(@SignedIn CurrentUser me, @PathVariable long id, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("overview", certificates.overview(me, id, page));
		model.addAttribute("partSize", CertificateService.PART_SIZE);
		return "certificates/list";
	}

	@GetMapping("/certificates/{participantId}.pdf")
	ResponseEntity<byte[]> one(@SignedIn CurrentUser me, @PathVariable long id, @PathVariable long participantId,
			RedirectAttributes redirect) {
		try {
			CertificateService.Printed printed = certificates.one(me, id, participantId);
			return pdf(pdf.render(List.of(printed)), "certificate-" + id + "-" + participantId + ".pdf");
		}
		catch (BusinessRuleException ex) {
			return back(id, ex, redirect);
		}
	}

	/** Part {@code part} (from 1) of all the event's certificates. */
	@GetMapping("/certificates.pdf")
	ResponseEntity<byte[]> all(@SignedIn CurrentUser me, @PathVariable long id,
			@RequestParam(defaultValue = "1") int part,
			RedirectAttributes redirect) {
		try {
			List<CertificateService.Printed> printed = certificates.part(me, id, part - 1);
			return pdf(pdf.render(printed), "certificates-" + id + "-" + part + ".pdf");
		}
		catch (BusinessRuleException ex) {
			return back(id, ex, redirect);
		}
	}

	@PostMapping("/certificates/{participantId}/revoke")
	@OnRuleBroken(redirect = "/events/{id}/certificates")
	String revoke(@SignedIn CurrentUser me, @PathVariable long id, @PathVariable long participantId,
			RedirectAttributes redirect) {
		certificates.revoke(me, id, participantId);
		redirect.addFlashAttribute("flash", "certificates.flash.revoked");
		return "redirect:/events/" + id + "/certificates";
	}

	@PostMapping("/certificates/language")
	String language(@SignedIn CurrentUser me, @PathVariable long id, @RequestParam(required = false) Long participantId,
			@RequestParam(required = false) String language, @RequestParam(defaultValue = "0") int page,
			RedirectAttributes redirect) {
		try {
			certificates.chooseLanguage(me, id, participantId, language);
			redirect.addFlashAttribute("flash", "certificates.flash.language");
		}
		catch (BusinessRuleException ex) {
			redirect.addFlashAttribute("flashError", ex.messageKey());
		}
		return "redirect:/events/" + id + "/certificates" + (page > 0 ? "?page=" + page : "");
	}

	private static ResponseEntity<byte[]> pdf(byte[] body, String name) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body);
	}

	private static ResponseEntity<byte[]> back(long id, BusinessRuleException ex, RedirectAttributes redirect) {
		redirect.addFlashAttribute("flashError", ex.messageKey());
		return ResponseEntity.status(303).header(HttpHeaders.LOCATION, "/events/" + id + "/certificates").build();
	}
}
