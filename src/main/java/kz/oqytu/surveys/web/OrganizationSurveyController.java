package kz.oqytu.surveys.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import kz.oqytu.accounts.AnyAccount;
import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.SignedIn;
import kz.oqytu.surveys.OrganizationSurveys;

/** A primary organization's interviews and survey results; the service checks the scope. */
@Controller
class OrganizationSurveyController {

	private final OrganizationSurveys results;

	OrganizationSurveyController(OrganizationSurveys results) {
		this.results = results;
	}

	@GetMapping("/surveys/organizations/{id:\\d+}")
	@AnyAccount
	String show(@SignedIn CurrentUser me, @PathVariable long id, Model model) {
		model.addAttribute("survey", results.forOrganization(me, id));
		return "surveys/organization-survey";
	}
}
