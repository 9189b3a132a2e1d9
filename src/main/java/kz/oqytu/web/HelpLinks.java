package kz.oqytu.web;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.CurrentUsers;
import kz.oqytu.accounts.Role;

/**
 * The header's help link: the guide's chapter and section for the page being shown, from the request
 * path; for a page that is not listed, the start of the reader's own role's chapter (decision 0027).
 */
@ControllerAdvice
class HelpLinks {

	/** A page (path pattern, optionally for one role only) and its place in the guide. */
	private record Rule(Pattern path, Role role, String target) {
		boolean matches(String p, Role r) {
			return (role == null || role == r) && path.matcher(p).matches();
		}
	}

	private static Rule rule(String regex, String target) {
		return new Rule(Pattern.compile(regex), null, target);
	}

	private static Rule rule(String regex, Role role, String target) {
		return new Rule(Pattern.compile(regex), role, target);
	}

	private static final String ID = "\\d+";

	/** First match wins; role-specific rules come before the general one for the same pages. */
	private static final List<Rule> RULES = List.of(
			rule("/s(/.*)?", "participant"),
			rule("/c(/.*)?", "participant#checkin"),
			rule("/login", "index"),
			rule("/help(/.*)?", "index"),
			rule("/invitations/.*", "chair#start"),
			rule("/password/(forgot|reset)(/.*)?", "admin#forgot-password"),
			rule("/admin/users/chairs(/.*)?", "admin#bulk-chairs"),
			rule("/admin/users(/.*)?", "admin#users"),
			rule("/admin/reminders", "admin#outbox"),
			rule("/admin/audit", "admin#audit"),
			rule("/admin/.*outbox.*", "admin#outbox"),
			rule("/admin/.*", "admin"),
			rule("/budget/norms(/.*)?", "admin#norms"),
			rule("/account/password", Role.CHAIR, "chair#password"),
			rule("/account/password", "admin#password"),
			// the chair's own pages
			rule("/organizations/" + ID + "/portal", Role.CHAIR, "chair#portal"),
			rule("/schools/" + ID + "/\\d{4}(/.*)?", Role.CHAIR, "chair#school-plan"),
			rule("/requests(/.*)?", Role.CHAIR, "chair#requests"),
			rule("/materials/sent", "chair#materials"),
			rule("/materials/" + ID + "/versions/.*", Role.CHAIR, "chair#materials"),
			// what the executive committee reads
			rule("/reports/coverage.*", Role.EXECUTIVE, "executive#report"),
			rule("/dashboard", Role.EXECUTIVE, "executive#dashboard"),
			rule("/reports/monitoring.*", Role.EXECUTIVE, "executive#monitoring"),
			rule("/budget(/.*)?", Role.EXECUTIVE, "executive#budget"),
			rule("/plans(/.*)?", Role.EXECUTIVE, "executive#plan"),
			rule("/resolutions(/.*)?", Role.EXECUTIVE, "executive#resolutions"),
			rule("/organizations/" + ID + "/portal", Role.EXECUTIVE, "executive#monitoring"),
			rule("/organizations/import(/.*)?", Role.ADMIN, "admin#registry"),
			rule("/organizations(/.*)?", Role.ADMIN, "admin#registry"),
			// the methodologist's pages (the administrator sees the same)
			rule("/dashboard", "methodologist#start"),
			rule("/events/" + ID + "/participants/import(/.*)?", "methodologist#import-participants"),
			rule("/events/" + ID + "/participants", "methodologist#participants"),
			rule("/events/" + ID + "/organization-counts", "methodologist#participants"),
			rule("/events/" + ID + "/checkin(/.*)?", "methodologist#checkin"),
			rule("/events/" + ID + "/survey/results", "methodologist#survey-results"),
			rule("/events/" + ID + "/survey(/.*)?", "methodologist#survey"),
			rule("/events(/.*)?", "methodologist#events"),
			rule("/surveys/(results|demand|other-topics|organizations/.*)", "methodologist#survey-results"),
			rule("/surveys/interviews(/.*)?", "methodologist#interviews"),
			rule("/surveys/questionnaires(/.*)?", "methodologist#questionnaires"),
			rule("/materials(/.*)?", "methodologist#materials"),
			rule("/plans(/.*)?", "methodologist#plan"),
			rule("/schools(/.*)?", "methodologist#schools"),
			rule("/requests(/.*)?", "methodologist#requests"),
			rule("/resolutions(/.*)?", "methodologist#resolutions"),
			rule("/reports/coverage.*", "methodologist#report"),
			rule("/reports/.*", "methodologist#monitoring"),
			rule("/budget(/.*)?", "methodologist#budget"),
			rule("/organizations/import(/.*)?", "methodologist#registry"),
			rule("/organizations/" + ID + "/portal", "methodologist#monitoring"),
			rule("/organizations(/.*)?", "methodologist#registry"));

	/** Worked out only when a page reads it (a redirect renders nothing). */
	@ModelAttribute("helpUrl")
	org.thymeleaf.context.LazyContextVariable<String> helpUrl(HttpServletRequest request) {
		return new org.thymeleaf.context.LazyContextVariable<>() {
			@Override
			protected String loadValue() {
				return helpUrlOf(request);
			}
		};
	}

	static String helpUrlOf(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		CurrentUser me = CurrentUsers.current().orElse(null);
		return request.getContextPath() + "/help" + target(path, me == null ? null : me.role());
	}

	/** Where in the guide a page is explained: "" for the index, else "/chapter" or "/chapter#anchor". */
	static String target(String path, Role role) {
		// the national officer reads what the executive committee reads: the same chapter of the guide
		Role reader = role == Role.NATIONAL_OFFICER ? Role.EXECUTIVE : role;
		for (Rule rule : RULES) {
			if (rule.matches(path, reader)) {
				return rule.target().equals("index") ? "" : "/" + rule.target();
			}
		}
		return role == null ? "" : "/" + chapterOf(role);
	}

	/** Every place in the guide a page may point to ("chapter#anchor", "chapter" or "index"). */
	static List<String> targets() {
		return RULES.stream().map(Rule::target).distinct().toList();
	}

	static String chapterOf(Role role) {
		return switch (role) {
			case ADMIN -> "admin";
			case METHODOLOGIST -> "methodologist";
			case EXECUTIVE, NATIONAL_OFFICER -> "executive";
			case CHAIR -> "chair";
		};
	}
}
