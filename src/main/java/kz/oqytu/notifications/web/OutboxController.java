package kz.oqytu.notifications.web;

import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import kz.oqytu.notifications.domain.MailSendingJob;
import kz.oqytu.notifications.domain.OutboxAdmin;
import kz.oqytu.shared.NotFoundException;

/**
 * The mail outbox for administrators: what waits, what went, what failed and why; retry; a test
 * message. ADMIN only, said here rather than with accounts' {@code @AdminOnly}: accounts sends mail
 * through this module, so this module must not depend on accounts.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class OutboxController {

	private final OutboxAdmin outbox;

	private final MailSendingJob job;

	OutboxController(OutboxAdmin outbox, MailSendingJob job) {
		this.outbox = outbox;
		this.job = job;
	}

	/** The address a test message goes to. */
	record TestMailForm(
			@NotBlank(message = "{validation.required}") @Email(message = "{validation.email}")
			@Size(max = 200, message = "{validation.tooLong}") String address) implements java.io.Serializable {
	}

	@GetMapping("/admin/outbox")
	String list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page, Model model) {
		String filter = status != null && OutboxAdmin.STATUSES.contains(status) ? status : null;
		int current = Math.max(0, Math.min(page, 10_000));
		var rows = outbox.list(filter, current);
		model.addAttribute("status", filter);
		model.addAttribute("page", current);
		model.addAttribute("hasNext", rows.size() > OutboxAdmin.pageSize());
		model.addAttribute("rows", rows.size() > OutboxAdmin.pageSize() ? rows.subList(0, OutboxAdmin.pageSize()) : rows);
		model.addAttribute("counts", outbox.counts());
		model.addAttribute("statuses", OutboxAdmin.STATUSES);
		model.addAttribute("smtp", job.smtpConfigured());
		if (!model.containsAttribute("testMailForm")) {
			model.addAttribute("testMailForm", new TestMailForm(null));
		}
		return "notifications/outbox";
	}

	@GetMapping("/admin/outbox/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("message", outbox.find(id).orElseThrow(() -> new NotFoundException("mail " + id)));
		model.addAttribute("smtp", job.smtpConfigured());
		return "notifications/outbox-message";
	}

	@PostMapping("/admin/outbox/{id}/retry")
	String retry(@PathVariable long id, RedirectAttributes redirect) {
		outbox.find(id).orElseThrow(() -> new NotFoundException("mail " + id));
		boolean retried = outbox.retry(id);
		redirect.addFlashAttribute(retried ? "flash" : "flashError",
				retried ? "outbox.flash.retried" : "outbox.flash.notFailed");
		return "redirect:/admin/outbox/" + id;
	}

	@PostMapping("/admin/outbox/test")
	String test(@Valid @ModelAttribute TestMailForm testMailForm, BindingResult errors, Locale locale,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			redirect.addFlashAttribute("org.springframework.validation.BindingResult.testMailForm", errors);
			redirect.addFlashAttribute("testMailForm", testMailForm);
			return "redirect:/admin/outbox";
		}
		outbox.sendTest(testMailForm.address().trim(), locale);
		redirect.addFlashAttribute("flash", "outbox.flash.testQueued");
		return "redirect:/admin/outbox";
	}
}
