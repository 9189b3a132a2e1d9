package kz.oqytu.shared;

import java.text.Collator;
import java.util.Comparator;

/**
 * Names in the order people read them when Java sorts them (the database sorts through the
 * {@code natural_name} collation, V165): runs of digits compare as numbers ("№ 2" before "№ 12"),
 * the rest by the given collator, and quotes, spaces and the like are skipped («Балапан» beside Балапан).
 */
public final class NaturalOrder implements Comparator<String> {

	private final Comparator<Object> letters;

	private NaturalOrder(Comparator<Object> letters) {
		this.letters = letters;
	}

	/** Natural order with letters compared by {@code collator}. */
	public static Comparator<String> by(Collator collator) {
		return new NaturalOrder(collator);
	}

	/** Natural order with letters compared by their code points, case ignored. */
	public static Comparator<String> plain() {
		return new NaturalOrder((a, b) -> ((String) a).compareToIgnoreCase((String) b));
	}

	@Override
	public int compare(String a, String b) {
		if (a == null || b == null) {
			return a == null ? (b == null ? 0 : 1) : -1;
		}
		String x = withoutPunctuation(a);
		String y = withoutPunctuation(b);
		int i = 0;
		int j = 0;
		while (i < x.length() && j < y.length()) {
			boolean dx = Character.isDigit(x.charAt(i));
			boolean dy = Character.isDigit(y.charAt(j));
			int ei = run(x, i, dx);
			int ej = run(y, j, dy);
			int c;
			if (dx && dy) {
				c = compareNumbers(x.substring(i, ei), y.substring(j, ej));
			}
			else if (dx != dy) {
				c = dx ? -1 : 1; // digits before letters, as the collation has it
			}
			else {
				c = letters.compare(x.substring(i, ei), y.substring(j, ej));
			}
			if (c != 0) {
				return c;
			}
			i = ei;
			j = ej;
		}
		int c = Integer.compare(x.length() - i, y.length() - j);
		return c != 0 ? c : a.compareTo(b);
	}

	private static boolean isPunctuation(char ch) {
		return switch (Character.getType(ch)) {
			case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
					Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
					Character.OTHER_PUNCTUATION, Character.SPACE_SEPARATOR -> true;
			default -> false;
		};
	}

	private static int run(String s, int from, boolean digits) {
		int k = from;
		while (k < s.length() && Character.isDigit(s.charAt(k)) == digits) {
			k++;
		}
		return k;
	}

	private static int compareNumbers(String p, String q) {
		String a = p.replaceFirst("^0+(?=.)", "");
		String b = q.replaceFirst("^0+(?=.)", "");
		return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
	}

	/** Without spaces and punctuation, which do not order names (symbols such as № stay, as in the collation). */
	private static String withoutPunctuation(String s) {
		StringBuilder out = new StringBuilder(s.length());
		for (int k = 0; k < s.length(); k++) {
			char ch = s.charAt(k);
			if (!Character.isWhitespace(ch) && !isPunctuation(ch)) {
				out.append(ch);
			}
		}
		return out.toString();
	}
}
