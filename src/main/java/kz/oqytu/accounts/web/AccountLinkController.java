package kz.oqytu.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import kz.oqytu.accounts.domain.AccountLinks;
import kz.oqytu.accounts.domain.AccountLinks.LinkTarget;
import kz.oqytu.accounts.domain.AccountLinks.Purpose;
import kz.oqytu.accounts.domain.LinkException;
import kz.oqytu.accounts.domain.LinkProblem;
import kz.oqytu.shared.web.Forms;

/**
 * The public pages of single-use links: accepting an invitation, "forgot password" and resetting a
 * password. A link that cannot be used gets a page saying why and what to do, never an error page.
 */
@Controller
class AccountLinkController {

	private final AccountLinks links;

	AccountLinkController(AccountLinks links) {
		this.links = links;
	}

	@GetMapping("/invitations/{token}")
	String invitation(@PathVariable String token, Model model, HttpServletResponse response) {
		return passwordPage(token, Purpose.INVITATION, model, response);
	}

	@PostMapping("/invitations/{token}")
	String accept(@PathVariable String token, @Valid @ModelAttribute("passwordForm") PasswordForm form,
			BindingResult result, Model model, HttpServletResponse response) {
		return usePassword(token, Purpose.INVITATION, form, result, model, response);
	}

	@GetMapping("/password/forgot")
	String forgotForm(Model model) {
		model.addAttribute("forgotForm", new ForgotPasswordForm(null));
		return "accounts/forgot-password";
	}

	@PostMapping("/password/forgot")
	String forgot(@Valid @ModelAttribute("forgotForm") ForgotPasswordForm form, BindingResult result,
			HttpServletRequest request) {
		if (result.hasErrors()) {
			return "accounts/forgot-password";
		}
		// The same answer whether or not the address belongs to an account.
		links.requestReset(form.email(), request.getRemoteAddr());
		return "redirect:/password/forgot/sent";
	}

	@GetMapping("/password/forgot/sent")
	String forgotSent() {
		return "accounts/forgot-password-sent";
	}

	@GetMapping("/password/reset/{token}")
	String resetForm(@PathVariable String token, Model model, HttpServletResponse response) {
		return passwordPage(token, Purpose.RESET, model, response);
	}

	@PostMapping("/password/reset/{token}")
	String reset(@PathVariable String token, @Valid @ModelAttribute("passwordForm") PasswordForm form,
			BindingResult result, Model model, HttpServletResponse response) {
		return usePassword(token, Purpose.RESET, form, result, model, response);
	}

	private String passwordPage(String token, Purpose purpose, Model model, HttpServletResponse response) {
		try {
			LinkTarget target = links.check(token, purpose);
			model.addAttribute("passwordForm", new PasswordForm(null, null, null));
			return page(target, token, purpose, model);
		}
		catch (LinkException ex) {
			return problem(ex.problem(), purpose, model, response);
		}
	}

	private String usePassword(String token, Purpose purpose, PasswordForm form, BindingResult result, Model model,
			HttpServletResponse response) {
		try {
			LinkTarget target = links.check(token, purpose);
			if (!result.hasErrors() && !form.confirmed()) {
				result.rejectValue("confirmPassword", "accounts.validation.passwordMismatch");
			}
			return Forms.submit(result, () -> {
				links.use(token, purpose, form.newPassword());
				return "redirect:/login?" + (purpose == Purpose.INVITATION ? "accepted" : "reset");
			}, () -> page(target, token, purpose, model));
		}
		catch (LinkException ex) {
			return problem(ex.problem(), purpose, model, response);
		}
	}

	private static String page(LinkTarget target, String token, Purpose purpose, Model model) {
		model.addAttribute("target", target);
		model.addAttribute("action", (purpose == Purpose.INVITATION ? "/invitations/" : "/password/reset/") + token);
		model.addAttribute("invitation", purpose == Purpose.INVITATION);
		return "accounts/link-password";
	}

	private static String problem(LinkProblem problem, Purpose purpose, Model model, HttpServletResponse response) {
		response.setStatus(problem == LinkProblem.UNKNOWN ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_GONE);
		model.addAttribute("problem", problem.messageKey());
		model.addAttribute("invitation", purpose == Purpose.INVITATION);
		return "accounts/link-problem";
	}
}
