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

	/** Reads the header row and matches each column key against its accepted titles. */
	public static HeaderMap read(SheetRow headerRow, Map<String, List<String>> aliases) {
		List<String> titles = new java.util.ArrayList<>();
		int last = headerRow == null ? 0 : headerRow.width();
		for (int c = 0; c < last; c++) {
			titles.add(Cells.text(headerRow, c));
		}
		HeaderMap map = new HeaderMap(titles);
		for (int c = 0; c < titles.size(); c++) {
			String title = normalize(titles.get(c));
			for (Map.Entry<String, List<String>> entry : aliases.entrySet()) {
				if (!map.columns.containsKey(entry.getKey())
						&& entry.getValue().stream().anyMatch(a -> normalize(a).equals(title))) {
					map.columns.put(entry.getKey(), c);
				}
			}
		}
		return map;
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
