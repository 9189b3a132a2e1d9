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
	String login(@RequestParam(required = false) String locked, Model model) {
		if (CurrentUsers.current().isPresent()) {
			return "redirect:/";
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
