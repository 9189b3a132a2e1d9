package kz.oqytu.surveys.web;

import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public survey page's absolute address, for its Open Graph tags (issue 19): link previews in
 * WhatsApp and Telegram need absolute URLs, built from {@code oqytu.public-url} like the QR code's,
 * never from the request's Host header. No database access: the page itself checks the token.
 */
@ControllerAdvice(assignableTypes = PublicSurveyController.class)
class SurveyShareAdvice {

	private final String publicUrl;

	SurveyShareAdvice(Environment environment) {
		String url = environment.getProperty("oqytu.public-url", "http://localhost:8080");
		this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	@ModelAttribute("surveyUrl")
	String surveyUrl(@PathVariable(required = false) String token) {
		return token == null || !token.matches("[A-Za-z0-9_-]{1,64}") ? null : publicUrl + "/s/" + token;
	}
}
