package kz.oqytu.shared.imports;

import java.util.List;

/**
 * What an import would do, shown before anything is written. File-level errors (a missing
 * column, no data) come first; the import commits only when there are no errors at all.
 */
public record ImportPreview<T>(List<String> headers, List<ImportRow<T>> rows, List<RowError> fileErrors) {

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
