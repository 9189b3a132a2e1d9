package kz.oqytu.surveys.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import kz.oqytu.shared.NotFoundException;
import kz.oqytu.shared.web.HostCookies;
import kz.oqytu.surveys.FormPass;
import kz.oqytu.surveys.PublicSurvey;
import kz.oqytu.surveys.Submission;
import kz.oqytu.surveys.SubmitResult;
import kz.oqytu.surveys.SurveyState;
import kz.oqytu.surveys.Surveys;

/**
 * The public survey a QR code opens: no account, one response per device (a cookie the server
 * signs), one answer per rendered form (a one-time token), no JavaScript needed. Never limited by
 * network address: a seminar room shares one.
 */
@Controller
class PublicSurveyController {

	static final String DEVICE_COOKIE = "OQYTU_DEVICE";

	/** The form field of the one-time form token. */
	static final String FORM_TOKEN = "_form";

	private final Surveys surveys;

	private final kz.oqytu.surveys.QrCodes qrCodes;

	PublicSurveyController(Surveys surveys, kz.oqytu.surveys.QrCodes qrCodes) {
		this.surveys = surveys;
		this.qrCodes = qrCodes;
	}

	/** The typed-code page for phones whose camera fails. */
	@GetMapping("/s")
	String code(@RequestParam(required = false) String code, Model model) {
		if (code != null && !code.isBlank()) {
			Optional<String> token = surveys.tokenForCode(code);
			if (token.isPresent()) {
				return "redirect:/s/" + token.get();
			}
			model.addAttribute("codeError", true);
			model.addAttribute("code", code.length() > 20 ? code.substring(0, 20) : code);
		}
		return "surveys/public-code";
	}

	@GetMapping("/s/{token}")
	String form(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
		PublicSurvey survey = surveys.byToken(token).orElseThrow(() -> new NotFoundException("survey"));
		model.addAttribute("survey", survey);
		if (survey.state() != SurveyState.OPEN) {
			response.setStatus(HttpStatus.OK.value());
			return "surveys/public-closed";
		}
		pass(survey, model, request, response);
		model.addAttribute("values", Map.of());
		model.addAttribute("errors", Map.of());
		return "surveys/public-form";
	}

	@PostMapping("/s/{token}")
	String submit(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
		Map<String, List<String>> answers = new java.util.HashMap<>();
		request.getParameterMap().forEach((k, v) -> {
			if (k.startsWith("q_")) {
				answers.put(k, List.of(v));
			}
		});
		String formToken = request.getParameter(FORM_TOKEN);
		SubmitResult result = surveys.submit(token, new Submission(deviceCookie(request), formToken,
				request.getRemoteAddr(), request.getHeader("User-Agent"), request.getHeader("Accept-Language"), answers));
		if (result.outcome() == SubmitResult.Outcome.STORED) {
			return "redirect:/s/" + token + "/thanks";
		}
		// The rare answers that show a page read the survey for it again; a stored answer needs no page.
		PublicSurvey survey = surveys.byToken(token).orElseThrow(() -> new NotFoundException("survey"));
		model.addAttribute("survey", survey);
		return switch (result.outcome()) {
			case STORED, ALREADY_ANSWERED -> "surveys/public-already";
			case REPLAYED -> {
				model.addAttribute("replayed", true);
				yield "surveys/public-already";
			}
			case NOT_OPEN -> "surveys/public-closed";
			case INVALID, STALE, BUSY -> {
				response.setStatus(switch (result.outcome()) {
					case BUSY -> HttpStatus.TOO_MANY_REQUESTS.value();
					case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT.value();
					default -> HttpStatus.OK.value();
				});
				if (result.outcome() == SubmitResult.Outcome.INVALID) {
					// the same form, corrected: its token was not used and keeps the moment it was opened
					model.addAttribute("formToken", formToken);
				}
				else {
					pass(survey, model, request, response);
					model.addAttribute("notice", result.outcome() == SubmitResult.Outcome.BUSY
							? "surveys.public.busy" : "surveys.public.stale");
				}
				model.addAttribute("values", answers);
				model.addAttribute("errors", result.errors());
				yield "surveys/public-form";
			}
		};
	}

	/** A one-time form token for the page, and a signed device cookie when the device has none. */
	private void pass(PublicSurvey survey, Model model, HttpServletRequest request, HttpServletResponse response) {
		FormPass pass = surveys.formPass(survey, deviceCookie(request));
		if (pass.newDeviceCookie() != null) {
			// __Host-OQYTU_DEVICE on path / over HTTPS, OQYTU_DEVICE on /s over HTTP (shared.web.HostCookies).
			ResponseCookie cookie = HostCookies.cookie(request, DEVICE_COOKIE, pass.newDeviceCookie(), "/s")
				.maxAge(Duration.ofDays(365))
				.build();
			response.addHeader("Set-Cookie", cookie.toString());
		}
		model.addAttribute("formToken", pass.formToken());
	}

	private static String deviceCookie(HttpServletRequest request) {
		return HostCookies.read(request, DEVICE_COOKIE).orElse(null);
	}

	/**
	 * The survey's QR code by its token: public like the survey itself (the code holds nothing but the
	 * survey's public address), so the pages showing it need no session and browsers may cache it.
	 */
	@GetMapping(value = "/s/{token}/qr.png", produces = org.springframework.http.MediaType.IMAGE_PNG_VALUE)
	org.springframework.http.ResponseEntity<byte[]> qr(@PathVariable String token,
			@RequestParam(required = false) Integer size) {
		String url = surveys.urlOfToken(token).orElseThrow(() -> new NotFoundException("survey"));
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.IMAGE_PNG)
			.cacheControl(org.springframework.http.CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
			.body(qrCodes.png(url, kz.oqytu.surveys.QrCodes.boundedSize(size)));
	}

	@GetMapping("/s/{token}/thanks")
	String thanks(@PathVariable String token, Model model) {
		model.addAttribute("survey", surveys.byToken(token).orElseThrow(() -> new NotFoundException("survey")));
		return "surveys/public-thanks";
	}

	/** Names for the organization question's datalist (htmx, progressive). */
	@GetMapping("/s/{token}/organizations")
	String organizations(@PathVariable String token, @RequestParam(name = "q_organization", required = false) String q,
			Model model) {
		model.addAttribute("names", q == null || q.length() < 2 || q.length() > 100 ? List.of()
				: surveys.organizationNames(token, q));
		return "surveys/public-form :: organizationOptions";
	}
}
