package kz.oqytu.reminders.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import kz.oqytu.accounts.Accounts;
import kz.oqytu.accounts.AdminOnly;
import kz.oqytu.accounts.AnyAccount;
import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.SignedIn;
import kz.oqytu.reminders.ReminderKind;
import kz.oqytu.reminders.domain.ReminderSettings;

/** The administrator's reminder switches, and each person's own mail settings (language, opt-outs). */
@Controller
class ReminderController {

	private final ReminderSettings settings;

	private final Accounts accounts;

	ReminderController(ReminderSettings settings, Accounts accounts) {
		this.settings = settings;
		this.accounts = accounts;
	}

	@GetMapping("/admin/reminders")
	@AdminOnly
	String switches(Model model) {
		model.addAttribute("switches", settings.switches());
		model.addAttribute("kinds", ReminderKind.values());
		return "reminders/settings";
	}

	@PostMapping("/admin/reminders")
	@AdminOnly
	String saveSwitches(@SignedIn CurrentUser me,
			@RequestParam(name = "enabled", required = false) List<String> enabled,
			RedirectAttributes redirect) {
		settings.setSwitches(kinds(enabled), me.username());
		redirect.addFlashAttribute("flash", "reminders.admin.flash.saved");
		return "redirect:/admin/reminders";
	}

	@GetMapping("/account/notifications")
	@AnyAccount
	String preferences(@SignedIn CurrentUser me, Model model) {
		model.addAttribute("preferences", settings.preferences(me.id()));
		model.addAttribute("email", accounts.find(me.id()).map(a -> a.email()).orElse(null));
		model.addAttribute("switches", settings.switches());
		model.addAttribute("kinds", ReminderKind.values());
		model.addAttribute("languages", ReminderSettings.LANGUAGES);
		return "reminders/preferences";
	}

	@PostMapping("/account/notifications")
	@AnyAccount
	String savePreferences(@SignedIn CurrentUser me, @RequestParam(defaultValue = "kk") String language,
			@RequestParam(name = "wanted", required = false) List<String> wanted, RedirectAttributes redirect) {
		String lang = ReminderSettings.LANGUAGES.contains(language) ? language : "kk";
		Set<ReminderKind> out = EnumSet.allOf(ReminderKind.class);
		out.removeAll(kinds(wanted));
		settings.savePreferences(me.id(), lang, out);
		redirect.addFlashAttribute("flash", "reminders.prefs.flash.saved");
		return "redirect:/account/notifications";
	}

	/** The known kinds among the submitted names; unknown names are ignored. */
	private static Set<ReminderKind> kinds(List<String> names) {
		Set<ReminderKind> kinds = EnumSet.noneOf(ReminderKind.class);
		if (names != null) {
			for (ReminderKind kind : ReminderKind.values()) {
				if (names.contains(kind.name())) {
					kinds.add(kind);
				}
			}
		}
		return kinds;
	}
}
