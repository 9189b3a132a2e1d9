package kz.oqytu.shared.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import kz.oqytu.shared.xlsx.Cells;
import kz.oqytu.shared.xlsx.SafeWorkbooks;
import kz.oqytu.shared.xlsx.SheetLimits;
import kz.oqytu.shared.xlsx.SheetRow;

/**
 * Reads the first sheet of an uploaded workbook into an {@link ImportPreview}: the header row
 * found among the first {@value #HEADER_SEARCH_ROWS} rows (lists on file start with a title), columns
 * found by their header titles, blank rows, total lines and repeated headers skipped, each row parsed by the caller, repeated rows (same key)
 * refused, row numbers as Excel shows them. The sheet is streamed and reading stops at the first
 * limit crossed. Nothing is written; the caller commits when valid.
 */
public final class SheetReader {

	/** Rows looked through for the header: a title block above it is a few rows at most. */
	public static final int HEADER_SEARCH_ROWS = 20;

	/** A total line at the foot of a list: "Барлығы: 42", "Итого", "Всего", "Жиыны". */
	public static final java.util.regex.Pattern TOTAL_LINE = java.util.regex.Pattern.compile(
			"^(барлығы|барлыгы|барлық|жиыны|жиынтығы|итого|всего|total)(?![\\p{L}])",
			java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);

	private SheetReader() {
	}

	/**
	 * What the caller made of one row: the value (null when invalid), its errors, and a key that
	 * must be unique in the file (null to skip the duplicate check).
	 */
	public record Parsed<T>(T value, List<RowError> errors, String key) {
	}

	@FunctionalInterface
	public interface RowParser<T> {

		Parsed<T> parse(SheetRow row, HeaderMap headers);
	}

	/**
	 * @param limits the sheet limits (rows, columns, cells) the file is read under
	 * @param columns column keys and their accepted header titles (the first is the template's)
	 * @param required keys whose column must be present
	 * @param maxRows more data rows than this is a file error; reading stops there
	 * @param status the preview status of a valid row ("new", "update", ...)
	 */
	public static <T> ImportPreview<T> read(byte[] content, SheetLimits limits, Map<String, List<String>> columns,
			List<String> required, int maxRows, RowParser<T> parser, Function<T, String> status) {
		Reading<T> reading = new Reading<>(columns, required, maxRows, parser, status);
		if (!SafeWorkbooks.read(content, limits, reading::accept)) {
			return new ImportPreview<>(List.of(), List.of(), List.of(new RowError("import.error.noRows")));
		}
		return reading.preview();
	}

	/** The rows as they stream in: the first is the header, the others data. */
	private static final class Reading<T> {

		private final Map<String, List<String>> columns;

		private final List<String> required;

		private final int maxRows;

		private final RowParser<T> parser;

		private final Function<T, String> status;

		private HeaderMap headers;

		private final List<RowError> fileErrors = new ArrayList<>();

		private final List<ImportRow<T>> rows = new ArrayList<>();

		private final Set<String> seen = new HashSet<>();

		Reading(Map<String, List<String>> columns, List<String> required, int maxRows, RowParser<T> parser,
				Function<T, String> status) {
			this.columns = columns;
			this.required = required;
			this.maxRows = maxRows;
			this.parser = parser;
			this.status = status;
		}

		/** The first rows, held until the header among them is known. */
		private final List<SheetRow> window = new ArrayList<>();

		private int skipped;

		private boolean stopped;

		boolean accept(SheetRow row) {
			if (headers != null) {
				return data(row);
			}
			if (window.isEmpty() || row.index() < window.get(0).index() + HEADER_SEARCH_ROWS) {
				window.add(row);
				return true;
			}
			return start() && data(row);
		}

		/** Picks the header (the row naming the most columns, the first of equals) and reads the rows held after it. */
		private boolean start() {
			SheetRow best = null;
			int bestScore = -1;
			for (SheetRow candidate : window) {
				int score = HeaderMap.read(candidate, columns).recognized();
				if (score > bestScore) {
					best = candidate;
					bestScore = score;
				}
			}
			headers = HeaderMap.read(best, columns);
			for (String key : required) {
				if (!headers.has(key)) {
					fileErrors.add(new RowError("import.error.columnMissing", columns.get(key).get(0)));
				}
			}
			if (!fileErrors.isEmpty()) {
				window.clear();
				return false;
			}
			for (SheetRow held : window) {
				if (best != null && held.index() > best.index() && !data(held)) {
					window.clear();
					return false;
				}
			}
			window.clear();
			return true;
		}

		private boolean data(SheetRow row) {
			if (stopped) {
				return false;
			}
			int width = headers.headers().size();
			if (Cells.blankRow(row, width)) {
				return true;
			}
			if (notData(row, width)) {
				skipped++;
				return true;
			}
			if (rows.size() >= maxRows) {
				fileErrors.add(new RowError("import.error.tooManyRows", maxRows));
				stopped = true;
				return false;
			}
			List<String> cells = new ArrayList<>(width);
			for (int c = 0; c < width; c++) {
				cells.add(Cells.text(row, c));
			}
			Parsed<T> parsed = parser.parse(row, headers);
			List<RowError> errors = new ArrayList<>(parsed.errors());
			if (parsed.key() != null && !seen.add(parsed.key())) {
				errors.add(new RowError("import.error.duplicateRow"));
			}
			T value = errors.isEmpty() ? parsed.value() : null;
			rows.add(new ImportRow<>(row.index() + 1, cells, value, errors, value == null ? "error" : status.apply(value)));
			return true;
		}

		/** A total line, or the header row repeated (a list printed over several pages). */
		private boolean notData(SheetRow row, int width) {
			for (int c = 0; c < Math.min(width, 3); c++) {
				if (TOTAL_LINE.matcher(Cells.text(row, c)).find()) {
					return true;
				}
			}
			// The header repeated: its named columns carry their titles again. Only those few cells are
			// read, so a long sheet costs no more than its data (OversizedSpreadsheetTests).
			if (headerTitles == null) {
				headerTitles = new java.util.LinkedHashMap<>();
				for (String key : columns.keySet()) {
					int c = headers.column(key);
					if (c >= 0) {
						headerTitles.put(c, HeaderMap.loose(headers.headers().get(c)));
					}
				}
			}
			int same = 0;
			for (Map.Entry<Integer, String> title : headerTitles.entrySet()) {
				String text = Cells.text(row, title.getKey());
				if (!text.isEmpty() && HeaderMap.loose(text).equals(title.getValue())) {
					same++;
				}
			}
			return same >= Math.max(2, headers.recognized() - 1);
		}

		/** The header's named columns and their titles, loosely: a repeated header is known by them. */
		private Map<Integer, String> headerTitles;

		ImportPreview<T> preview() {
			if (headers == null && !window.isEmpty()) {
				start();
			}
			if (headers == null) {
				// a sheet without a single row: every required column is missing
				headers = HeaderMap.read(null, columns);
				for (String key : required) {
					if (!headers.has(key)) {
						fileErrors.add(new RowError("import.error.columnMissing", columns.get(key).get(0)));
					}
				}
			}
			if (rows.isEmpty() && fileErrors.isEmpty()) {
				fileErrors.add(new RowError("import.error.noRows"));
			}
			return new ImportPreview<>(headers.headers(), rows, fileErrors, skipped);
		}
	}
}
