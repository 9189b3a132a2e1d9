package kz.oqytu.shared.imports;

import java.util.List;

/**
 * What an import would do, shown before anything is written. File-level errors (a missing
 * column, no data) come first; the import commits only when there are no errors at all. Rows that
 * are not data (a total line, the header repeated) are counted in {@code skippedRows}, not errors.
 */
public record ImportPreview<T>(List<String> headers, List<ImportRow<T>> rows, List<RowError> fileErrors,
		int skippedRows) {

	public ImportPreview(List<String> headers, List<ImportRow<T>> rows, List<RowError> fileErrors) {
		this(headers, rows, fileErrors, 0);
	}

	public boolean valid() {
		return fileErrors.isEmpty() && !rows.isEmpty() && rows.stream().allMatch(ImportRow::valid);
	}

	public long errorRows() {
		return rows.stream().filter(r -> !r.valid()).count();
	}

	public long validRows() {
		return rows.stream().filter(ImportRow::valid).count();
	}

	public List<ImportRow<T>> invalidRows() {
		return rows.stream().filter(r -> !r.valid()).toList();
	}

	public List<T> values() {
		return rows.stream().map(ImportRow::value).toList();
	}
}
