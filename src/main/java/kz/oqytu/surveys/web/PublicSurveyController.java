package kz.oqytu.surveys.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
import kz.oqytu.surveys.PublicSurvey;
import kz.oqytu.surveys.SubmitResult;
import kz.oqytu.surveys.SurveyState;
import kz.oqytu.surveys.Surveys;

/**
 * The public survey a QR code opens: no account, one response per device (a server-issued
 * cookie), no JavaScript needed. Never limited by network address: a seminar room shares one.
 */
@Controller
class PublicSurveyController {

	static final String DEVICE_COOKIE = "OQYTU_DEVICE";

	private final Surveys surveys;

	private final byte[] fingerprintKey;

	private final kz.oqytu.surveys.QrCodes qrCodes;

	PublicSurveyController(Surveys surveys, kz.oqytu.surveys.QrCodes qrCodes,
			org.springframework.core.env.Environment environment) {
		this.surveys = surveys;
		this.qrCodes = qrCodes;
		this.fingerprintKey = environment.getProperty("oqytu.surveys.fingerprint-secret", "oqytu-fingerprint")
			.getBytes(StandardCharsets.UTF_8);
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
		device(request, response);
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
		SubmitResult result = surveys.submit(token, device(request, response), fingerprint(request, token), answers);
		if (result.outcome() == SubmitResult.Outcome.STORED) {
			return "redirect:/s/" + token + "/thanks";
		}
		// The rare answers that show a page read the survey for it again; a stored answer needs no page.
		model.addAttribute("survey", surveys.byToken(token).orElseThrow(() -> new NotFoundException("survey")));
		return switch (result.outcome()) {
			case STORED, ALREADY_ANSWERED -> "surveys/public-already";
			case NOT_OPEN -> "surveys/public-closed";
			case INVALID -> {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				model.addAttribute("values", answers);
				model.addAttribute("errors", result.errors());
				yield "surveys/public-form";
			}
		};
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

	/** The device's random id: read from its cookie, or issued now. */
	static UUID device(HttpServletRequest request, HttpServletResponse response) {
		if (request.getAttribute(DEVICE_COOKIE) instanceof UUID issued) {
			return issued;
		}
		// __Host-OQYTU_DEVICE on path / over HTTPS, OQYTU_DEVICE on /s over HTTP (shared.web.HostCookies).
		Optional<String> stored = HostCookies.read(request, DEVICE_COOKIE);
		if (stored.isPresent()) {
			try {
				return UUID.fromString(stored.get());
			}
			catch (IllegalArgumentException ex) {
				// not one of ours: issue a new one
			}
		}
		UUID device = UUID.randomUUID();
		ResponseCookie cookie = HostCookies.cookie(request, DEVICE_COOKIE, device.toString(), "/s")
			.maxAge(Duration.ofDays(365))
			.build();
		response.addHeader("Set-Cookie", cookie.toString());
		// Later code in this request (a submit right after issuing) sees the same id.
		request.setAttribute(DEVICE_COOKIE, device);
		return device;
	}

	/** A keyed hash of address and browser: notices one device answering many times, identifies no one. */
	String fingerprint(HttpServletRequest request, String token) {
		// Keyed per survey by its token (the survey's id before; the token is as unique and is at hand).
		String source = request.getRemoteAddr() + "|" + request.getHeader("User-Agent") + "|"
				+ request.getHeader("Accept-Language") + "|" + token;
		// doFinal resets the keyed Mac for its next use on this thread
		return HexFormat.of().formatHex(macs.get().doFinal(source.getBytes(StandardCharsets.UTF_8)), 0, 16);
	}

	/** One keyed Mac per request thread: looking the algorithm up and keying it on every answer showed in profiles. */
	private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::keyedMac);

	private Mac keyedMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(fingerprintKey, "HmacSHA256"));
			return mac;
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
