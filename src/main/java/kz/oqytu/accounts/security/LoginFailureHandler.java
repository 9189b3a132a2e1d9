package kz.oqytu.accounts.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * Back to the login page after a failed sign-in. A throttled try says when to come back: in N seconds
 * for a short wait, else at HH:MM in the union's zone (rounded up). It never says whether the name
 * exists.
 */
@Component
class LoginFailureHandler implements AuthenticationFailureHandler {

	private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

	private final Clock clock;

	LoginFailureHandler(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		response.sendRedirect(request.getContextPath() + "/login?" + query(exception));
	}

	String query(AuthenticationException exception) {
		if (!(exception instanceof ThrottledAuthenticationProvider.ThrottledException throttled)) {
			return "error";
		}
		Instant now = clock.instant();
		Duration wait = Duration.between(now, throttled.until());
		long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
		if (seconds < 60) {
			return "wait=" + seconds;
		}
		LocalTime until = LocalTime.ofInstant(throttled.until(), clock.getZone()).withSecond(0).withNano(0).plusMinutes(1);
		return "locked=" + HH_MM.format(until);
	}
}
