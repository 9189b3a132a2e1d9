package kz.oqytu.surveys.domain;

import java.security.SecureRandom;
import java.util.Base64;

/** Survey addresses: 128 random bits, URL-safe; short codes of 8 unambiguous characters. */
final class Tokens {

	/** No 0/O, 1/I/L: a code read from paper is typed right. */
	static final String CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

	static final int CODE_LENGTH = 8;

	private static final SecureRandom RANDOM = new SecureRandom();

	private Tokens() {
	}

	static String token() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String shortCode() {
		StringBuilder code = new StringBuilder(CODE_LENGTH);
		for (int i = 0; i < CODE_LENGTH; i++) {
			code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
		}
		return code.toString();
	}

	/** What a person typed, made comparable: upper case, no spaces or dashes. */
	static String normalizeCode(String typed) {
		return typed == null ? "" : typed.toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s\\-]", "");
	}

	static boolean looksLikeToken(String token) {
		return token != null && token.matches("^[A-Za-z0-9_-]{16,32}$");
	}
}
