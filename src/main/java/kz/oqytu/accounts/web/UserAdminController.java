package kz.oqytu.accounts.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import kz.oqytu.accounts.AccountCommand;
import kz.oqytu.accounts.AccountView;
import kz.oqytu.accounts.Accounts;
import kz.oqytu.accounts.AdminOnly;
import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.OrganizationDirectory.UnitRef;
import kz.oqytu.accounts.OrganizationDirectory;
import kz.oqytu.accounts.Role;
import kz.oqytu.accounts.SignedIn;
import kz.oqytu.accounts.domain.AccountLinks;
import kz.oqytu.accounts.domain.PasswordPolicy;
import kz.oqytu.shared.NotFoundException;
import kz.oqytu.shared.web.Forms;
import kz.oqytu.shared.web.OnRuleBroken;

/** Account administration: list, create, edit, enable/disable, reset password. */
@Controller
@RequestMapping("/admin/users")
@AdminOnly
class UserAdminController {

	private final Accounts accounts;

	private final OrganizationDirectory directory;

	private final PasswordPolicy passwordPolicy;

	private final AccountLinks links;

	UserAdminController(Accounts accounts, OrganizationDirectory directory, PasswordPolicy passwordPolicy,
			AccountLinks links) {
		this.links = links;
		this.accounts = accounts;
		this.directory = directory;
		this.passwordPolicy = passwordPolicy;
	}

	@ModelAttribute("roles")
	Role[] roles() {
		return Role.values();
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("users", accounts.list());
		return "accounts/user-list";
	}

	@GetMapping("/new")
	String createForm(@SignedIn CurrentUser me, Model model) {
		model.addAttribute("form", UserForm.empty());
		addUnits(me, model, null, null);
		return "accounts/user-form";
	}

	@PostMapping("/new")
	String create(@SignedIn CurrentUser me, @Valid @ModelAttribute("form") UserForm form, BindingResult result,
			Model model,
			RedirectAttributes redirect) {
		// Without a password the person is invited by mail and chooses their own.
		boolean invite = form.password() == null || form.password().isBlank();
		if (invite) {
			if ((form.email() == null || form.email().isBlank()) && !result.hasFieldErrors("email")) {
				result.rejectValue("email", "accounts.error.emailRequiredForInvitation");
			}
		}
		else {
			passwordPolicy.problem(form.password(), form.username()).ifPresent(key -> result.rejectValue("password", key));
		}
		return Forms.submit(result, () -> {
			AccountCommand command = new AccountCommand(form.username(), form.fullName(), form.email(), form.role(),
					form.scopeUnitId(), invite ? null : form.password());
			long id = invite ? links.createAndInvite(command) : accounts.create(command);
			redirect.addFlashAttribute("flash", invite ? "accounts.flash.invited" : "accounts.flash.created");
			return "redirect:/admin/users/" + id + "/edit";
		}, () -> {
			addUnits(me, model, form.scopeUnitId(), null);
			return "accounts/user-form";
		});
	}

	@GetMapping("/{id}/edit")
	String editForm(@SignedIn CurrentUser me, @PathVariable long id, Model model) {
		AccountView user = accounts.find(id).orElseThrow(() -> new NotFoundException("account " + id));
		model.addAttribute("user", user);
		model.addAttribute("form", new UserForm(user.username(), user.fullName(), user.email(), user.role(),
				user.scopeUnitId(), null, user.version()));
		addUnits(me, model, user.scopeUnitId(), null);
		model.addAttribute("passwordForm", new PasswordForm(null, null, null));
		return "accounts/user-form";
	}

	@PostMapping("/{id}/edit")
	String update(@SignedIn CurrentUser me, @PathVariable long id, @Valid @ModelAttribute("form") UserForm form,
			BindingResult result,
			Model model, RedirectAttributes redirect) {
		AccountView user = accounts.find(id).orElseThrow(() -> new NotFoundException("account " + id));
		return Forms.submit(result, () -> {
			accounts.update(id, form.version() == null ? -1 : form.version(), new AccountCommand(user.username(),
					form.fullName(), form.email(), form.role(), form.scopeUnitId(), null));
			redirect.addFlashAttribute("flash", "accounts.flash.saved");
			return "redirect:/admin/users";
		}, () -> {
			model.addAttribute("user", user);
			addUnits(me, model, form.scopeUnitId(), null);
			model.addAttribute("passwordForm", new PasswordForm(null, null, null));
			return "accounts/user-form";
		});
	}

	@PostMapping("/{id}/enabled")
	String setEnabled(@SignedIn CurrentUser me, @PathVariable long id, @RequestParam boolean enabled,
			RedirectAttributes redirect) {
		if (!enabled && me.id() == id) {
			redirect.addFlashAttribute("flashError", "accounts.error.cannotDisableSelf");
			return "redirect:/admin/users";
		}
		accounts.setEnabled(id, enabled);
		redirect.addFlashAttribute("flash", enabled ? "accounts.flash.enabled" : "accounts.flash.disabled");
		return "redirect:/admin/users";
	}

	/** Sends a new invitation (the earlier link stops working) to an account that has not accepted yet. */
	@PostMapping("/{id}/invitation")
	@OnRuleBroken(redirect = "/admin/users")
	String resendInvitation(@PathVariable long id, RedirectAttributes redirect) {
		links.resendInvitation(id);
		redirect.addFlashAttribute("flash", "accounts.flash.invitationResent");
		return "redirect:/admin/users";
	}

	/** Withdraws an unaccepted invitation: its link stops working and the account is disabled. */
	@PostMapping("/{id}/invitation/revoke")
	@OnRuleBroken(redirect = "/admin/users")
	String revokeInvitation(@PathVariable long id, RedirectAttributes redirect) {
		links.revokeInvitation(id);
		redirect.addFlashAttribute("flash", "accounts.flash.invitationRevoked");
		return "redirect:/admin/users";
	}

	@PostMapping("/{id}/password")
	String resetPassword(@SignedIn CurrentUser me, @PathVariable long id,
			@Valid @ModelAttribute("passwordForm") PasswordForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		AccountView user = accounts.find(id).orElseThrow(() -> new NotFoundException("account " + id));
		if (!result.hasFieldErrors("newPassword")) {
			passwordPolicy.problem(form.newPassword(), user.username()).ifPresent(key -> result.rejectValue("newPassword", key));
		}
		if (!result.hasErrors() && !form.confirmed()) {
			result.rejectValue("confirmPassword", "accounts.validation.passwordMismatch");
		}
		if (result.hasErrors()) {
			model.addAttribute("user", user);
			model.addAttribute("form", new UserForm(user.username(), user.fullName(), user.email(), user.role(),
					user.scopeUnitId(), null, user.version()));
			addUnits(me, model, user.scopeUnitId(), null);
			return "accounts/user-form";
		}
		accounts.resetPassword(id, form.newPassword());
		redirect.addFlashAttribute("flash", "accounts.flash.passwordReset");
		return "redirect:/admin/users";
	}

	/** Options for the scope select: nodes matching the search, plus the current one. htmx swaps them in. */
	@GetMapping("/units")
	String units(@SignedIn CurrentUser me, @RequestParam(required = false) String q,
			@RequestParam(required = false) Long selected, Model model) {
		addUnits(me, model, selected, q);
		return "accounts/user-form :: unitOptions";
	}

	private void addUnits(CurrentUser me, Model model, Long selected, String query) {
		model.addAttribute("units", unitOptions(me, selected, query));
		model.addAttribute("selected", selected);
	}

	private List<UnitRef> unitOptions(CurrentUser me, Long selected, String query) {
		List<UnitRef> options = new ArrayList<>();
		if (selected != null) {
			directory.find(selected).ifPresent(options::add);
		}
		String scope = me.scopePath();
		List<UnitRef> found = query == null || query.isBlank() ? directory.search("", scope, 20)
				: directory.search(query, scope, 50);
		found.stream().filter(u -> selected == null || u.id() != selected).forEach(options::add);
		return options;
	}
}
