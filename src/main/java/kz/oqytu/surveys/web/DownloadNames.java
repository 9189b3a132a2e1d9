package kz.oqytu.surveys.web;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Map;

/**
 * File names of an event's survey downloads (QR code, handout): the event's date and title, e.g.
 * {@code 2027-03-10 Құқықтық сауаттылық.png}. The {@code Content-Disposition} header carries an ASCII
 * fallback ({@code filename}, Kazakh and Russian letters transliterated) and the real name as RFC 5987
 * {@code filename*}, which every current browser prefers.
 */
final class DownloadNames {

	private static final int MAX_TITLE = 80;

	private static final Map<Character, String> LATIN = latin();

	private DownloadNames() {
	}

	/** The header value: {@code attachment} or {@code inline} with both names. */
	static String contentDisposition(String type, LocalDate date, String title, String suffix, String extension) {
		String name = name(date, title, suffix, extension);
		return type + "; filename=\"" + ascii(name) + "\"; filename*=UTF-8''" + rfc5987(name);
	}

	/** The Unicode name: date, title (without characters file systems refuse), suffix, extension. */
	static String name(LocalDate date, String title, String suffix, String extension) {
		String clean = title == null ? "" : title.replaceAll("[\\p{Cntrl}\\\\/:*?\"<>|]+", " ")
			.replaceAll("\\s+", " ")
			.strip();
		if (clean.length() > MAX_TITLE) {
			// Cut at the last whole word that fits, never mid-word ("…бағдарлам"): a long first word is cut.
			int space = clean.lastIndexOf(' ', MAX_TITLE);
			clean = (space > MAX_TITLE / 2 ? clean.substring(0, space) : clean.substring(0, MAX_TITLE)).strip();
		}
		StringBuilder name = new StringBuilder(date.toString());
		if (!clean.isEmpty()) {
			name.append(' ').append(clean);
		}
		if (suffix != null && !suffix.isEmpty()) {
			name.append(' ').append(suffix);
		}
		return name.append('.').append(extension).toString();
	}

	/** The ASCII fallback: transliterated, then anything but letters, digits, dot and dash as a dash. */
	static String ascii(String name) {
		StringBuilder out = new StringBuilder(name.length());
		for (char c : name.toCharArray()) {
			String latin = LATIN.get(Character.toLowerCase(c));
			if (latin != null) {
				out.append(Character.isUpperCase(c) && !latin.isEmpty()
						? Character.toUpperCase(latin.charAt(0)) + latin.substring(1) : latin);
			}
			else {
				out.append(c);
			}
		}
		String stripped = Normalizer.normalize(out, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
		return stripped.replaceAll("[^A-Za-z0-9.\\-]+", "-").replaceAll("-{2,}", "-").replaceAll("-\\.", ".");
	}

	/** RFC 5987 value characters (attr-char) as they are, everything else percent-encoded as UTF-8. */
	static String rfc5987(String name) {
		StringBuilder out = new StringBuilder();
		for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "!#$&+-.^_`|~".indexOf(c) >= 0) {
				out.append((char) c);
			}
			else {
				out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
			}
		}
		return out.toString();
	}

	private static Map<Character, String> latin() {
		String[][] pairs = { { "а", "a" }, { "ә", "a" }, { "б", "b" }, { "в", "v" }, { "г", "g" }, { "ғ", "g" },
				{ "д", "d" }, { "е", "e" }, { "ё", "yo" }, { "ж", "zh" }, { "з", "z" }, { "и", "i" }, { "й", "y" },
				{ "к", "k" }, { "қ", "q" }, { "л", "l" }, { "м", "m" }, { "н", "n" }, { "ң", "ng" }, { "о", "o" },
				{ "ө", "o" }, { "п", "p" }, { "р", "r" }, { "с", "s" }, { "т", "t" }, { "у", "u" }, { "ұ", "u" },
				{ "ү", "u" }, { "ф", "f" }, { "х", "kh" }, { "һ", "h" }, { "ц", "ts" }, { "ч", "ch" }, { "ш", "sh" },
				{ "щ", "shch" }, { "ъ", "" }, { "ы", "y" }, { "і", "i" }, { "ь", "" }, { "э", "e" }, { "ю", "yu" },
				{ "я", "ya" } };
		Map<Character, String> map = new java.util.HashMap<>();
		for (String[] p : pairs) {
			map.put(p[0].charAt(0), p[1]);
		}
		return Map.copyOf(map);
	}
}
