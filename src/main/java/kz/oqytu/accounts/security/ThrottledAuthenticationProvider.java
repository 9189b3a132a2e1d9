package kz.oqytu.accounts.security;

import java.time.Instant;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import kz.oqytu.accounts.domain.LoginThrottle;

/**
 * Counts every sign-in try with the {@link LoginThrottle} before its password is checked, and
 * refuses it unchecked when the name or the client address has to wait, the same way for names that
 * exist and names that do not; a right password gives the try back. Every try is counted for
 * Prometheus as {@code oqytu.logins} by outcome: succeeded, failed (wrong password, unknown or disabled
 * account) or throttled (refused unchecked).
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final LoginThrottle throttle;

	private final DaoAuthenticationProvider passwords;

	private final Counter succeeded;

	private final Counter failed;

	private final Counter throttled;

	ThrottledAuthenticationProvider(LoginThrottle throttle, DaoAuthenticationProvider passwords, MeterRegistry meters) {
		this.throttle = throttle;
		this.passwords = passwords;
		this.succeeded = logins(meters, "succeeded");
		this.failed = logins(meters, "failed");
		this.throttled = logins(meters, "throttled");
	}

	private static Counter logins(MeterRegistry meters, String outcome) {
		return Counter.builder("oqytu.logins")
			.description("Sign-in tries by outcome")
			.tag("outcome", outcome)
			.register(meters);
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String address = ClientAddress.of(authentication);
		Optional<Instant> until = throttle.claim(authentication.getName(), address);
		if (until.isPresent()) {
			throttled.increment();
			throw new ThrottledException(until.get());
		}
		Authentication result;
		try {
			result = passwords.authenticate(authentication);
		}
		catch (AuthenticationException ex) {
			failed.increment();
			throw ex;
		}
		throttle.succeeded(authentication.getName(), address);
		succeeded.increment();
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/** Too many tries: try again at {@link #until()}. */
	static final class ThrottledException extends LockedException {

		private final Instant until;

		ThrottledException(Instant until) {
			super("too many sign-in tries");
			this.until = until;
		}

		Instant until() {
			return until;
		}
	}
}
