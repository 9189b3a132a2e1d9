package kz.oqytu.accounts.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import kz.oqytu.accounts.CurrentUsers;

@Controller
class LoginController {

	@GetMapping("/login")
	String login() {
		if (CurrentUsers.current().isPresent()) {
			return "redirect:/";
		}
		return "accounts/login";
	}
}
