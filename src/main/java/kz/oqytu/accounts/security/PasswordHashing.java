package kz.oqytu.accounts.security;

import java.util.Map;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm;

/**
 * How passwords are stored (decision 0014). New hashes are PBKDF2-HMAC-SHA256 with 600 000
 * iterations (OWASP's figure), which takes a passphrase of any length, unlike bcrypt's 72 bytes, and
 * needs nothing beyond the JDK. Existing {@code {bcrypt}} hashes still verify and are replaced at the
 * user's next right password. No other encoder (noop, MD5, SHA-1...) is accepted.
 *
 * <p>A PBKDF2 hash does not record its iteration count, so the id names it: a stronger setting
 * gets a new id and becomes the default, and the old one stays here to verify until it is gone.
 */
final class PasswordHashing {

	static final String DEFAULT_ID = "pbkdf2-600k";

	private PasswordHashing() {
	}

	static PasswordEncoder encoder() {
		PasswordEncoder pbkdf2 = new Pbkdf2PasswordEncoder("", 16, 600_000, SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256);
		DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(DEFAULT_ID,
				Map.of(DEFAULT_ID, pbkdf2, "bcrypt", new BCryptPasswordEncoder()));
		// A stored hash of any other form is a wrong password, not a server error.
		encoder.setDefaultPasswordEncoderForMatches(new NeverMatches());
		return encoder;
	}

	private static final class NeverMatches implements PasswordEncoder {

		@Override
		public String encode(CharSequence rawPassword) {
			throw new UnsupportedOperationException("only for matching unknown stored forms");
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			return false;
		}
	}
}
