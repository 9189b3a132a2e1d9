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
 * Counts every sign-in try with the {@link LoginThrottle} before its password is checked, and
 * refuses it unchecked when the name or the client address has to wait, the same way for names that
 * exist and names that do not; a right password gives the try back.
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
		String address = ClientAddress.of(authentication);
		Optional<Instant> until = throttle.claim(authentication.getName(), address);
		if (until.isPresent()) {
			throw new ThrottledException(until.get());
		}
		Authentication result = passwords.authenticate(authentication);
		throttle.succeeded(authentication.getName(), address);
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
