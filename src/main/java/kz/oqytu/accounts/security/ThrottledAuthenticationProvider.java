package kz.oqytu.accounts.security;

import java.time.Instant;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;

import kz.oqytu.accounts.domain.LoginThrottle;

/**
 * Refuses any account name that failed too often lately, before its password is even checked,
 * the same way for names that exist and names that do not; otherwise the usual password check.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final LoginThrottle throttle;

	private final DaoAuthenticationProvider passwords;

	ThrottledAuthenticationProvider(LoginThrottle throttle, DaoAuthenticationProvider passwords) {
		this.throttle = throttle;
		this.passwords = passwords;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		Optional<Instant> until = throttle.lockedUntil(authentication.getName());
		if (until.isPresent()) {
			throw new ThrottledException(until.get());
		}
		return passwords.authenticate(authentication);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/** Too many failures: try again after {@link #until()}. */
	static final class ThrottledException extends LockedException {

		private final Instant until;

		ThrottledException(Instant until) {
			super("too many failed sign-ins");
			this.until = until;
		}

		Instant until() {
			return until;
		}
	}
}
