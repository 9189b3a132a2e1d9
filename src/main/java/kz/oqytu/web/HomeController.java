package kz.oqytu.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.Role;
import kz.oqytu.accounts.SignedIn;

/** Where each role lands after login. */
@Controller
class HomeController {

	@GetMapping("/")
	@PreAuthorize("isAuthenticated()")
	String home(@SignedIn CurrentUser me) {
		if (me.role() == Role.CHAIR) {
			return "redirect:/organizations/" + me.scopeUnitId() + "/portal";
		}
		if (me.role() == Role.EXECUTIVE) {
			// The executive committee lands on the annual coverage report.
			return "redirect:/reports/coverage";
		}
		// the national officer lands on the dashboard too, the whole country's by default
		return "redirect:/dashboard";
	}
}
