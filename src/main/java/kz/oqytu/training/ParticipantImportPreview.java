package kz.oqytu.training;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import kz.oqytu.shared.imports.ImportPreview;
import kz.oqytu.shared.imports.ImportRow;
import kz.oqytu.shared.imports.RowError;

/**
 * What a participant-list import would add, before anything is written. When the columns could
 * not be recognized (or a chosen mapping is wrong) {@code mappingNeeded} is set, {@code rows} is
 * null and {@code columns} holds what was recognized, for the user to complete.
 *
 * @param sheetColumns the header cells of the file, for choosing columns
 * @param columns the columns read (or recognized so far)
 * @param mappingErrors why a chosen mapping cannot be used
 * @param rows the rows: cells are name, organization, category and position as typed
 * @param addedByCategory valid rows counted by category code, in catalog order
 * @param listedBefore participants already on the event's list
 */
public record ParticipantImportPreview(List<SheetColumn> sheetColumns, ParticipantColumns columns,
		boolean mappingNeeded, List<RowError> mappingErrors, ImportPreview<ParticipantCommand> rows,
		Map<String, Long> addedByCategory, int listedBefore) {

	public boolean valid() {
		return !mappingNeeded && rows != null && rows.valid();
	}

	/** Rows to show on a page: those with errors first, at most {@code limit} (all rows are validated). */
	public List<ImportRow<ParticipantCommand>> shownRows(int limit) {
		if (rows == null) {
			return List.of();
		}
		return Stream.concat(rows.rows().stream().filter(r -> !r.valid()), rows.rows().stream().filter(ImportRow::valid))
			.limit(limit)
			.toList();
	}

	public int rowCount() {
		return rows == null ? 0 : rows.rows().size();
	}
}
