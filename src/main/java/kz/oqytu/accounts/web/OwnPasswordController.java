package kz.oqytu.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import kz.oqytu.accounts.Accounts;
import kz.oqytu.accounts.AnyAccount;
import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.SignedIn;
import kz.oqytu.accounts.domain.PasswordPolicy;
import kz.oqytu.shared.web.Forms;

/** Every user changes their own password here. */
@Controller
@AnyAccount
class OwnPasswordController {

	private final Accounts accounts;

	private final PasswordPolicy passwordPolicy;

	OwnPasswordController(Accounts accounts, PasswordPolicy passwordPolicy) {
		this.accounts = accounts;
		this.passwordPolicy = passwordPolicy;
	}

	@GetMapping("/account/password")
	String form(Model model) {
		model.addAttribute("passwordForm", new PasswordForm(null, null, null));
		return "accounts/own-password";
	}

	@PostMapping("/account/password")
	String change(@SignedIn CurrentUser me, @Valid @ModelAttribute("passwordForm") PasswordForm form,
			BindingResult result,
			RedirectAttributes redirect, HttpServletRequest request) {
		if (form.currentPassword() == null) {
			result.rejectValue("currentPassword", "validation.required");
		}
		if (!result.hasFieldErrors("newPassword")) {
			passwordPolicy.problem(form.newPassword(), me.username())
				.ifPresent(key -> result.rejectValue("newPassword", key));
		}
		if (!result.hasErrors() && !form.confirmed()) {
			result.rejectValue("confirmPassword", "accounts.validation.passwordMismatch");
		}
		return Forms.submit(result, () -> {
			HttpSession session = request.getSession(false);
			accounts.changeOwnPassword(me.id(), form.currentPassword(), form.newPassword(),
					session == null ? null : session.getId());
			if (session != null) {
				// The session that changed the password goes on under a new id: a copy of the old one is worthless.
				request.changeSessionId();
			}
			redirect.addFlashAttribute("flash", "accounts.flash.ownPasswordChanged");
			return "redirect:/";
		}, () -> "accounts/own-password");
	}
}
