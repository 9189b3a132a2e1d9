package kz.oqytu.accounts.web;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import kz.oqytu.accounts.CurrentUsers;
import kz.oqytu.accounts.domain.SessionEndReason;

@Controller
class LoginController {

	private final Duration absoluteLifetime;

	LoginController(@Value("${oqytu.session.absolute-lifetime:12h}") Duration absoluteLifetime) {
		this.absoluteLifetime = absoluteLifetime;
	}

	@GetMapping("/login")
	String login(@RequestParam(required = false) String locked, @RequestParam(required = false) String wait,
			@RequestParam(required = false) String ended,
			Model model) {
		if (CurrentUsers.current().isPresent()) {
			return "redirect:/";
		}
		if (wait != null) {
			// A short wait is said in seconds; a mangled value still says "a little later".
			if (wait.matches("\\d{1,3}")) {
				model.addAttribute("waitSeconds", Integer.parseInt(wait));
			}
			else {
				model.addAttribute("lockedUntil", "");
			}
		}
		// Why the last session ended (SessionEndFilter); only the known reasons, never a key from the address.
		SessionEndReason.fromCode(ended).ifPresent(reason -> {
			model.addAttribute("sessionEnded", reason.messageKey());
			model.addAttribute("lifetimeHours", this.absoluteLifetime.toMinutes() / 60.0);
		});
		if (locked != null) {
			try {
				model.addAttribute("lockedUntil", LocalTime.parse(locked).withSecond(0).toString());
			}
			catch (DateTimeParseException ex) {
				model.addAttribute("lockedUntil", "");
			}
		}
		return "accounts/login";
	}
}
