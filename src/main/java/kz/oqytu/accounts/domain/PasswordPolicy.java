package kz.oqytu.accounts.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * What a password a person chooses must be (ASVS V2.1): 12 to 128 characters of any kind, not one of
 * the ~49 000 most common passwords shipped in the jar ({@code accounts/common-passwords.txt}, plus
 * a short local list), not one of those with digits or signs added around it, not a run of keys or a
 * few repeated characters, and not containing the username. Case does not matter, and a word typed
 * with the other keyboard layout (Russian/Latin) counts as the word. No rule on character classes.
 *
 * <p>It is checked where a person picks a password: the administrator's account and reset forms and
 * the user's own change form. Accounts made by code through the service (the demo loader's
 * password {@code demo}, test fixtures) are not held to it.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	public static final int MAX_LENGTH = 128;

	static final String TOO_SHORT_OR_LONG = "accounts.validation.passwordLength";

	static final String COMMON = "accounts.password.common";

	static final String SIMPLE = "accounts.password.simple";

	static final String CONTAINS_USERNAME = "accounts.password.username";

	/** Key runs and counting: a password inside one of these (or reversed) is refused. */
	private static final List<String> RUNS = List.of("01234567890123456789012345678901234567890",
			"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnmqwertyuiopasdfghjklzxcvbnm",
			"1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p", "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
			"йцукенгшщзхъфывапролджэячсмитьбюйцукенгшщзхъфывапролджэячсмитьбю");

	private static final String CYRILLIC_KEYS = "йцукенгшщзхъфывапролджэячсмитьбю";

	private static final String LATIN_KEYS = "qwertyuiop[]asdfghjkl;'zxcvbnm,.";

	private final Set<String> common;

	PasswordPolicy() {
		Set<String> words = new HashSet<>(60_000);
		load("accounts/common-passwords.txt", words);
		load("accounts/common-passwords-local.txt", words);
		this.common = Set.copyOf(words);
	}

	/** The message key saying what is wrong with {@code password} for {@code username}, if anything. */
	public Optional<String> problem(String password, String username) {
		if (password == null) {
			return Optional.of(TOO_SHORT_OR_LONG);
		}
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH || length > MAX_LENGTH) {
			return Optional.of(TOO_SHORT_OR_LONG);
		}
		String lower = normalize(password);
		String name = username == null ? "" : normalize(username);
		if (!name.isEmpty() && lower.contains(name)) {
			return Optional.of(CONTAINS_USERNAME);
		}
		if (lower.codePoints().distinct().count() < 5 || isRun(lower)) {
			return Optional.of(SIMPLE);
		}
		for (String candidate : candidates(lower)) {
			if (common.contains(candidate)) {
				return Optional.of(COMMON);
			}
		}
		return Optional.empty();
	}

	/** The password as typed, without digits and signs around it, and each as typed on the other layout. */
	private static Set<String> candidates(String lower) {
		Set<String> words = new LinkedHashSet<>();
		words.add(lower);
		String core = lower.replaceAll("^[\\p{N}\\p{P}\\p{S}\\s]+|[\\p{N}\\p{P}\\p{S}\\s]+$", "");
		if (core.length() >= 3) {
			words.add(core);
		}
		for (String word : List.copyOf(words)) {
			words.add(swapLayout(word));
		}
		return words;
	}

	private static boolean isRun(String lower) {
		String reversed = new StringBuilder(lower).reverse().toString();
		return RUNS.stream().anyMatch(run -> run.contains(lower) || run.contains(reversed));
	}

	/** "gfhjkm" is "пароль" typed with the Latin layout on, and "йцукен" is "qwerty" the other way. */
	private static String swapLayout(String word) {
		StringBuilder swapped = new StringBuilder(word.length());
		for (char c : word.toCharArray()) {
			int cyrillic = CYRILLIC_KEYS.indexOf(c);
			int latin = LATIN_KEYS.indexOf(c);
			swapped.append(cyrillic >= 0 ? LATIN_KEYS.charAt(cyrillic) : latin >= 0 ? CYRILLIC_KEYS.charAt(latin) : c);
		}
		return swapped.toString();
	}

	private static String normalize(String text) {
		return Normalizer.normalize(text.trim(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
	}

	private static void load(String resource, Set<String> into) {
		try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + resource);
			}
			new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
				.map(String::trim)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.map(PasswordPolicy::normalize)
				.forEach(into::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
