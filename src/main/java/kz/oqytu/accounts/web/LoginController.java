package kz.oqytu.accounts.web;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import kz.oqytu.accounts.CurrentUsers;

@Controller
class LoginController {

	@GetMapping("/login")
	String login(@RequestParam(required = false) String locked, @RequestParam(required = false) String wait,
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
