package kz.oqytu.shared.imports;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import kz.oqytu.shared.xlsx.Cells;
import kz.oqytu.shared.xlsx.SheetRow;

/**
 * Finds columns by their header text in Kazakh, Russian or English, whatever their order, so a
 * sheet kept on file with columns moved still imports.
 */
public final class HeaderMap {

	private final Map<String, Integer> columns = new HashMap<>();

	private final List<String> headers;

	private HeaderMap(List<String> headers) {
		this.headers = headers;
	}

	/**
	 * Reads the header row and matches each column key against its accepted titles, loosely (case,
	 * spaces and punctuation aside): whole titles first, then either half of a bilingual title
	 * ("Аудан / Район", "Атауы (қазақша)"), each column to one key.
	 */
	public static HeaderMap read(SheetRow headerRow, Map<String, List<String>> aliases) {
		List<String> titles = new java.util.ArrayList<>();
		int last = headerRow == null ? 0 : headerRow.width();
		for (int c = 0; c < last; c++) {
			titles.add(Cells.text(headerRow, c));
		}
		HeaderMap map = new HeaderMap(titles);
		List<String> whole = new java.util.ArrayList<>();
		List<java.util.Set<String>> parts = new java.util.ArrayList<>();
		for (String title : titles) {
			whole.add(loose(title));
			java.util.Set<String> p = new java.util.HashSet<>();
			for (String part : PARTS.split(title)) {
				p.add(loose(part));
			}
			p.remove("");
			parts.add(p);
		}
		java.util.Set<Integer> taken = new java.util.HashSet<>();
		for (boolean byParts : new boolean[] { false, true }) {
			for (Map.Entry<String, List<String>> entry : aliases.entrySet()) {
				if (map.columns.containsKey(entry.getKey())) {
					continue;
				}
				java.util.Set<String> accepted = new java.util.HashSet<>();
				entry.getValue().forEach(a -> accepted.add(loose(a)));
				for (int c = 0; c < titles.size(); c++) {
					if (taken.contains(c) || whole.get(c).isEmpty()) {
						continue;
					}
					boolean match = byParts ? parts.get(c).stream().anyMatch(accepted::contains)
							: accepted.contains(whole.get(c));
					if (match) {
						map.columns.put(entry.getKey(), c);
						taken.add(c);
						break;
					}
				}
			}
		}
		return map;
	}

	/** How many of the keys the row names: the header is the row among the first ones that names the most. */
	public int recognized() {
		return columns.size();
	}

	private static final java.util.regex.Pattern PARTS = java.util.regex.Pattern.compile("[/|()\\[\\]\\n]+");

	private static final java.util.regex.Pattern NOT_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}№]+");

	/** Lower case, ё as е, letters, digits and № only: "Т.А.Ә." and "ТАӘ" compare equal. */
	public static String loose(String text) {
		return NOT_WORD.matcher(normalize(text)).replaceAll("");
	}

	public static String normalize(String text) {
		return text == null ? "" : text.strip().replaceAll("\\s+", " ").replace('ё', 'е').toLowerCase(Locale.ROOT)
			.replaceAll("[*:.]+$", "").strip();
	}

	public boolean has(String key) {
		return columns.containsKey(key);
	}

	/** Column index of the key, or -1. */
	public int column(String key) {
		return columns.getOrDefault(key, -1);
	}

	public List<String> headers() {
		return headers;
	}
}
