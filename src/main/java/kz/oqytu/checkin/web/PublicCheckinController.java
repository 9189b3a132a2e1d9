package kz.oqytu.checkin.web;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import kz.oqytu.checkin.Checkins;
import kz.oqytu.checkin.PublicCheckin;
import kz.oqytu.checkin.SelfCheckIn;
import kz.oqytu.checkin.SubmitOutcome;
import kz.oqytu.shared.web.HostCookies;

/**
 * The participant's check-in page, opened from the QR code ({@code /c/{code}}) or by typing the code
 * at {@code /c}: no account and no server session (a stateless chain with its CSRF token in a cookie,
 * as the public survey). A phone gets a random device id (cookie, and a hidden field for phones that
 * refuse cookies) by which its entries are limited; never by address.
 */
@Controller
class PublicCheckinController {

	static final String DEVICE_COOKIE = "OQYTU_CHECKIN_DEVICE";

	private static final String PATH = "/c";

	private final Checkins checkins;

	PublicCheckinController(Checkins checkins) {
		this.checkins = checkins;
	}

	@GetMapping("/c")
	String code(@RequestParam(required = false) String code, Model model, HttpServletResponse response) {
		languages(model, PATH);
		if (code != null && !code.isBlank()) {
			Optional<PublicCheckin> found = checkins.byCode(code);
			if (found.isPresent()) {
				return "redirect:/c/" + found.get().code();
			}
			model.addAttribute("code", code.length() > 20 ? code.substring(0, 20) : code);
			model.addAttribute("codeError", true);
			response.setStatus(HttpStatus.NOT_FOUND.value());
		}
		return "checkin/public-code";
	}

	@GetMapping("/c/{code}")
	String form(@PathVariable String code, Model model, HttpServletRequest request, HttpServletResponse response) {
		Optional<PublicCheckin> found = checkins.byCode(code);
		if (found.isEmpty()) {
			return notFound(model, response);
		}
		if (!code.equals(found.get().code())) {
			return "redirect:/c/" + found.get().code();
		}
		model.addAttribute("values", Map.of());
		model.addAttribute("errors", Map.of());
		return page(found.get(), model, request, response);
	}

	@PostMapping("/c/{code}")
	String submit(@PathVariable String code, @RequestParam(required = false) String fullName,
			@RequestParam(required = false) String organization, @RequestParam(required = false) String categoryCode,
			@RequestParam(required = false) String phone, @RequestParam(name = "_device", required = false) String deviceField,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		String device = HostCookies.read(request, DEVICE_COOKIE).orElse(deviceField);
		SubmitOutcome outcome = checkins.submit(code, new SelfCheckIn(fullName, organization, categoryCode, phone), device);
		if (outcome.status() == SubmitOutcome.Status.SAVED) {
			return "redirect:/c/" + code + "/done";
		}
		Optional<PublicCheckin> found = checkins.byCode(code);
		if (found.isEmpty() || outcome.status() == SubmitOutcome.Status.NOT_FOUND) {
			return notFound(model, response);
		}
		model.addAttribute("values", values(fullName, organization, categoryCode, phone));
		model.addAttribute("errors", outcome.errors());
		if (outcome.status() == SubmitOutcome.Status.LIMITED) {
			model.addAttribute("notice", "checkin.public.limited");
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, "60");
		}
		else if (outcome.status() == SubmitOutcome.Status.INVALID) {
			response.setStatus(422);
		}
		return page(found.get(), model, request, response);
	}

	@GetMapping("/c/{code}/done")
	String done(@PathVariable String code, Model model, HttpServletResponse response) {
		Optional<PublicCheckin> found = checkins.byCode(code);
		if (found.isEmpty()) {
			return notFound(model, response);
		}
		languages(model, PATH + "/" + found.get().code() + "/done");
		model.addAttribute("checkin", found.get());
		return "checkin/public-done";
	}

	private String page(PublicCheckin checkin, Model model, HttpServletRequest request, HttpServletResponse response) {
		languages(model, PATH + "/" + checkin.code());
		model.addAttribute("checkin", checkin);
		if (!checkin.open()) {
			return "checkin/public-closed";
		}
		String device = HostCookies.read(request, DEVICE_COOKIE).filter(d -> d.length() == 36).orElse(null);
		if (device == null) {
			device = UUID.randomUUID().toString();
			response.addHeader(HttpHeaders.SET_COOKIE,
					HostCookies.cookie(request, DEVICE_COOKIE, device, PATH).maxAge(Duration.ofDays(2)).build().toString());
		}
		model.addAttribute("device", device);
		return "checkin/public-form";
	}

	private static Map<String, String> values(String fullName, String organization, String categoryCode, String phone) {
		Map<String, String> values = new java.util.HashMap<>();
		values.put("fullName", fullName == null ? "" : fullName);
		values.put("organization", organization == null ? "" : organization);
		values.put("categoryCode", categoryCode == null ? "" : categoryCode);
		values.put("phone", phone == null ? "" : phone);
		return values;
	}

	private String notFound(Model model, HttpServletResponse response) {
		languages(model, PATH);
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return "checkin/public-404";
	}

	private static void languages(Model model, String path) {
		model.addAttribute("langUrls", Map.of("kk", path + "?lang=kk", "ru", path + "?lang=ru"));
	}
}
