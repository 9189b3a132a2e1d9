package kz.oqytu.accounts.web;

import java.io.IOException;
import java.util.UUID;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import kz.oqytu.accounts.AdminOnly;
import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.SignedIn;
import kz.oqytu.accounts.domain.ChairInvitations;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.upload.UploadStore;
import kz.oqytu.shared.xlsx.SafeWorkbooks;
import kz.oqytu.shared.xlsx.SpreadsheetRejectedException;

/**
 * Chair accounts in bulk: upload a list (organization, chair's name, email, phone), preview it with
 * its row errors, commit (every chair invited, or none); or invite the registry's chairs.
 */
@Controller
@RequestMapping("/admin/users/chairs")
@AdminOnly
class ChairInvitationController {

	private static final String KIND = "accounts-chairs";

	private final ChairInvitations chairs;

	private final UploadStore uploads;

	ChairInvitationController(ChairInvitations chairs, UploadStore uploads) {
		this.chairs = chairs;
		this.uploads = uploads;
	}

	@GetMapping
	String page(@SignedIn CurrentUser me, Model model) {
		model.addAttribute("candidates", chairs.registryCandidates(me));
		return "accounts/chairs";
	}

	@PostMapping
	String upload(@SignedIn CurrentUser me, @RequestParam(name = "file", required = false) MultipartFile file,
			RedirectAttributes redirect)
			throws IOException {
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("flashError", "import.error.fileEmpty");
			return "redirect:/admin/users/chairs";
		}
		if (file.getSize() > SafeWorkbooks.MAX_FILE_BYTES) {
			redirect.addFlashAttribute("flashError", "import.error.fileTooLarge");
			redirect.addFlashAttribute("flashArgs", new Object[] { SafeWorkbooks.MAX_FILE_BYTES / (1024 * 1024) });
			return "redirect:/admin/users/chairs";
		}
		byte[] content = file.getBytes();
		try {
			SafeWorkbooks.check(content);
		}
		catch (SpreadsheetRejectedException ex) {
			redirect.addFlashAttribute("flashError", ex.messageKey());
			redirect.addFlashAttribute("flashArgs", ex.arguments());
			return "redirect:/admin/users/chairs";
		}
		UUID id = uploads.save(KIND, me.username(), file.getOriginalFilename(), content);
		return "redirect:/admin/users/chairs/" + id;
	}

	@GetMapping("/{id}")
	String preview(@SignedIn CurrentUser me, @PathVariable UUID id, Model model, RedirectAttributes redirect) {
		var upload = uploads.find(id, KIND, me.username()).orElse(null);
		if (upload == null) {
			redirect.addFlashAttribute("flashError", "import.error.uploadExpired");
			return "redirect:/admin/users/chairs";
		}
		try {
			var preview = chairs.preview(me, upload.content());
			model.addAttribute("preview", preview);
			model.addAttribute("matches", chairs.matches(preview, LocaleContextHolder.getLocale()));
		}
		catch (SpreadsheetRejectedException ex) {
			uploads.delete(id);
			redirect.addFlashAttribute("flashError", ex.messageKey());
			redirect.addFlashAttribute("flashArgs", ex.arguments());
			return "redirect:/admin/users/chairs";
		}
		model.addAttribute("uploadId", id);
		model.addAttribute("filename", upload.filename());
		return "accounts/chairs-preview";
	}

	@PostMapping("/{id}/commit")
	String commit(@SignedIn CurrentUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		var upload = uploads.find(id, KIND, me.username()).orElse(null);
		if (upload == null) {
			redirect.addFlashAttribute("flashError", "import.error.uploadExpired");
			return "redirect:/admin/users/chairs";
		}
		try {
			int count = chairs.commit(me, upload.content());
			uploads.delete(id);
			redirect.addFlashAttribute("flash", "accounts.chairs.flash.invited");
			redirect.addFlashAttribute("flashArgs", new Object[] { count });
			return "redirect:/admin/users";
		}
		catch (BusinessRuleException | SpreadsheetRejectedException ex) {
			redirect.addFlashAttribute("flashError", "import.error.notValid");
			return "redirect:/admin/users/chairs/" + id;
		}
	}

	@PostMapping("/registry")
	String fromRegistry(@SignedIn CurrentUser me, RedirectAttributes redirect) {
		int count = chairs.inviteFromRegistry(me);
		redirect.addFlashAttribute("flash", "accounts.chairs.flash.invited");
		redirect.addFlashAttribute("flashArgs", new Object[] { count });
		return "redirect:/admin/users";
	}
}
