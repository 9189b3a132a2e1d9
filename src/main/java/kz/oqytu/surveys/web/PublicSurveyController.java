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
import kz.oqytu.surveys.SurveyLink;
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

	/** The form field of the key the page's script draws for an answer (sent once however often sent). */
	static final String SUBMISSION_KEY = "_key";

	/** Says what became of a posted answer that shows a page (not a redirect). */
	static final String OUTCOME_HEADER = "X-Survey-Outcome";

	private final Surveys surveys;

	private final kz.oqytu.surveys.QrCodes qrCodes;

	private final org.springframework.context.MessageSource messages;

	private final java.time.Clock clock;

	PublicSurveyController(Surveys surveys, kz.oqytu.surveys.QrCodes qrCodes,
			org.springframework.context.MessageSource messages, java.time.Clock clock) {
		this.surveys = surveys;
		this.qrCodes = qrCodes;
		this.messages = messages;
		this.clock = clock;
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
		// one link per event: the open survey, else the next to open (decision 29)
		SurveyLink link = surveys.link(token, deviceCookie(request)).orElseThrow(() -> new NotFoundException("survey"));
		PublicSurvey survey = link.survey();
		model.addAttribute("survey", survey);
		model.addAttribute("link", link);
		if (link.answered()) {
			return "surveys/public-already";
		}
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
		String key = request.getParameter(SUBMISSION_KEY);
		SubmitResult result = surveys.submit(token, new Submission(deviceCookie(request), formToken,
				request.getRemoteAddr(), request.getHeader("User-Agent"), request.getHeader("Accept-Language"), answers,
				key));
		if (result.outcome() == SubmitResult.Outcome.STORED) {
			return "redirect:/s/" + token + "/thanks";
		}
		// what the page's script reads when it sends an answer queued offline (survey.js)
		response.setHeader(OUTCOME_HEADER, result.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
		// The rare answers that show a page read the survey for it again; a stored answer needs no page.
		PublicSurvey survey = surveys.byToken(token).orElseThrow(() -> new NotFoundException("survey"));
		model.addAttribute("survey", survey);
		model.addAttribute("submissionKey", key == null || key.length() > 36 ? null : key);
		return switch (result.outcome()) {
			case STORED, ALREADY_ANSWERED -> "surveys/public-already";
			case STORED_BEFORE -> {
				model.addAttribute("storedBefore", true);
				yield "surveys/public-already";
			}
			case REPLAYED -> {
				model.addAttribute("replayed", true);
				yield "surveys/public-already";
			}
			case NOT_OPEN, LATE -> {
				if (survey.state() == SurveyState.NOT_YET_OPEN) {
					yield "surveys/public-closed";
				}
				// closed while the person was typing: say so and keep what they typed on the page
				model.addAttribute("closedForm", true);
				model.addAttribute("notice", result.outcome() == SubmitResult.Outcome.LATE ? "surveys.public.lateStored"
						: "surveys.public.lateNotStored");
				model.addAttribute("values", answers);
				model.addAttribute("errors", Map.of());
				yield "surveys/public-form";
			}
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

	@GetMapping("/s/{token}/thanks")
	String thanks(@PathVariable String token, Model model) {
		SurveyLink link = surveys.link(token, null).orElseThrow(() -> new NotFoundException("survey"));
		model.addAttribute("survey", surveys.byToken(token).orElseThrow(() -> new NotFoundException("survey")));
		model.addAttribute("link", link);
		return "surveys/public-thanks";
	}

	/**
	 * A reminder of the day the event's follow-up opens, for the phone's calendar: one all-day event
	 * whose link is the event's survey link (the same QR code leads to the follow-up then).
	 */
	@GetMapping(value = "/s/{token}/follow-up.ics")
	org.springframework.http.ResponseEntity<byte[]> reminder(@PathVariable String token, java.util.Locale locale) {
		SurveyLink link = surveys.link(token, null).orElseThrow(() -> new NotFoundException("survey"));
		java.time.LocalDate day = link.followUpOpensOn();
		if (day == null) {
			throw new NotFoundException("follow-up reminder");
		}
		String url = surveys.urlOfToken(token).orElseThrow(() -> new NotFoundException("survey"));
		String title = link.followUp().eventTitle(locale);
		String host = java.net.URI.create(url).getHost();
		String ics = CalendarReminder.ics("oqytu-follow-up-" + link.followUp().surveyId() + "@" + host, day,
				messages.getMessage("surveys.public.reminderSummary", new Object[] { title }, locale),
				messages.getMessage("surveys.public.reminderDescription", new Object[] { title }, locale), url,
				java.time.Instant.now(clock));
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.parseMediaType("text/calendar; charset=utf-8"))
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"oqytu-follow-up-" + day + ".ics\"")
			.body(ics.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	/**
	 * The survey's service worker, from under {@code /s/} so that its scope covers the survey pages: it
	 * keeps the pages and their files for when the network drops (decision 29). Always revalidated.
	 */
	@GetMapping(value = "/s/sw.js")
	org.springframework.http.ResponseEntity<byte[]> serviceWorker() {
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.parseMediaType("text/javascript; charset=utf-8"))
			.cacheControl(org.springframework.http.CacheControl.noCache())
			.body(SERVICE_WORKER);
	}

	private static final byte[] SERVICE_WORKER = read("surveys/survey-sw.js");

	private static byte[] read(String resource) {
		try (var in = PublicSurveyController.class.getClassLoader().getResourceAsStream(resource)) {
			return in.readAllBytes();
		}
		catch (java.io.IOException | NullPointerException ex) {
			throw new IllegalStateException("missing " + resource, ex);
		}
	}

	/**
	 * An unknown survey link: the survey's own 404 page in the phone's language (an image gets a bare
	 * 404), not the staff layout's.
	 */
	@org.springframework.web.bind.annotation.ExceptionHandler(NotFoundException.class)
	Object notFound(HttpServletRequest request, HttpServletResponse response) {
		if (request.getRequestURI().endsWith(".png") || request.getRequestURI().endsWith(".ics")) {
			return org.springframework.http.ResponseEntity.notFound().build();
		}
		response.setStatus(HttpStatus.NOT_FOUND.value());
		var view = new org.springframework.web.servlet.ModelAndView("surveys/public-404");
		String path = request.getRequestURI().substring(request.getContextPath().length());
		view.addObject("langUrls", Map.of("kk", path + "?lang=kk", "ru", path + "?lang=ru"));
		view.setStatus(HttpStatus.NOT_FOUND);
		return view;
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
