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

	/** 16 to 32 characters of the URL-safe Base64 alphabet (checked by hand: a regex compiled on every request showed in profiles). */
	static boolean looksLikeToken(String token) {
		if (token == null || token.length() < 16 || token.length() > 32) {
			return false;
		}
		for (int i = 0; i < token.length(); i++) {
			char c = token.charAt(i);
			if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
				return false;
			}
		}
		return true;
	}
}
