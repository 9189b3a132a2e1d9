package kz.oqytu.surveys.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * For tests that post the public survey form without rendering it first: the device cookie and
 * the one-time form token the server would have issued with the form, signed by the application's
 * own key.
 */
public final class SignedForms {

	/** Long enough ago that the answer is not flagged as sent too fast. */
	public static final Duration OPENED_AGO = Duration.ofMinutes(1);

	private SignedForms() {
	}

	public static String deviceCookie(ApplicationContext context, UUID device) {
		return context.getBean(FormTokens.class).deviceCookie(device);
	}

	public static String formToken(ApplicationContext context, long surveyId, UUID device, Instant issuedAt) {
		return context.getBean(FormTokens.class).formToken(surveyId, device, issuedAt);
	}

	/** A signed device cookie for {@code device} and a form token of the survey issued a minute ago. */
	public static RequestPostProcessor form(ApplicationContext context, long surveyId, UUID device) {
		Instant opened = Instant.now(context.getBean(Clock.class)).minus(OPENED_AGO);
		return form(deviceCookie(context, device), formToken(context, surveyId, device, opened));
	}

	/** The given device cookie value (null: none) and form token, as a browser would send them. */
	public static RequestPostProcessor form(String deviceCookie, String formToken) {
		return request -> {
			if (deviceCookie != null) {
				List<Cookie> cookies = new ArrayList<>(
						request.getCookies() == null ? List.of() : Arrays.asList(request.getCookies()));
				cookies.removeIf(c -> c.getName().equals("OQYTU_DEVICE"));
				cookies.add(new Cookie("OQYTU_DEVICE", deviceCookie));
				request.setCookies(cookies.toArray(Cookie[]::new));
			}
			request.setParameter("_form", formToken);
			return request;
		};
	}
}
