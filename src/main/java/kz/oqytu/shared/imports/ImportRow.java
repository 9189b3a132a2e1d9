package kz.oqytu.shared.imports;

import java.util.List;

/**
 * One data row of an uploaded sheet: its number as Excel shows it, the cells as read, the parsed
 * value (null when invalid) and its errors.
 */
public record ImportRow<T>(int rowNumber, List<String> cells, T value, List<RowError> errors, String status) {

	public boolean valid() {
		return errors.isEmpty();
	}
}
