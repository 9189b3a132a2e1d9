package kz.oqytu.shared.imports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import kz.oqytu.shared.xlsx.Cells;
import kz.oqytu.shared.xlsx.SafeWorkbooks;
import kz.oqytu.shared.xlsx.SpreadsheetRejectedException;

/**
 * Reads the first sheet of an uploaded workbook into an {@link ImportPreview}: columns found by
 * their header titles, blank rows skipped, each row parsed by the caller, repeated rows (same key)
 * refused, row numbers as Excel shows them. Nothing is written; the caller commits when valid.
 */
public final class SheetReader {

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

		Parsed<T> parse(Row row, HeaderMap headers);
	}

	/**
	 * @param columns column keys and their accepted header titles (the first is the template's)
	 * @param required keys whose column must be present
	 * @param maxRows more data rows than this is a file error
	 * @param status the preview status of a valid row ("new", "update", ...)
	 */
	public static <T> ImportPreview<T> read(byte[] content, Map<String, List<String>> columns, List<String> required,
			int maxRows, RowParser<T> parser, Function<T, String> status) {
		try (Workbook workbook = SafeWorkbooks.open(content)) {
			Sheet sheet = workbook.getNumberOfSheets() == 0 ? null : workbook.getSheetAt(0);
			if (sheet == null) {
				return new ImportPreview<>(List.of(), List.of(), List.of(new RowError("import.error.noRows")));
			}
			HeaderMap headers = HeaderMap.read(sheet.getRow(sheet.getFirstRowNum()), columns);
			List<RowError> fileErrors = new ArrayList<>();
			for (String key : required) {
				if (!headers.has(key)) {
					fileErrors.add(new RowError("import.error.columnMissing", columns.get(key).get(0)));
				}
			}
			if (!fileErrors.isEmpty()) {
				return new ImportPreview<>(headers.headers(), List.of(), fileErrors);
			}
			List<ImportRow<T>> rows = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			int width = headers.headers().size();
			for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (Cells.blankRow(row, width)) {
					continue;
				}
				if (rows.size() >= maxRows) {
					fileErrors.add(new RowError("import.error.tooManyRows", maxRows));
					break;
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
				rows.add(new ImportRow<>(r + 1, cells, value, errors, value == null ? "error" : status.apply(value)));
			}
			if (rows.isEmpty() && fileErrors.isEmpty()) {
				fileErrors.add(new RowError("import.error.noRows"));
			}
			return new ImportPreview<>(headers.headers(), rows, fileErrors);
		}
		catch (IOException ex) {
			throw new SpreadsheetRejectedException("import.error.fileMalformed", ex);
		}
	}
}
