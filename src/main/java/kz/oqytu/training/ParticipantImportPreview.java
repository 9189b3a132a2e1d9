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
 * @param spellings organization spellings that need a choice (or have one), in file order
 * @param skipped rows that are not people, or that the user left out (not errors)
 * @param rememberedColumns whether the columns came from a mapping confirmed before for this layout
 */
public record ParticipantImportPreview(List<SheetColumn> sheetColumns, ParticipantColumns columns,
		boolean mappingNeeded, List<RowError> mappingErrors, ImportPreview<ParticipantCommand> rows,
		Map<String, Long> addedByCategory, int listedBefore, List<SpellingGroup> spellings, List<SkippedRow> skipped,
		boolean rememberedColumns) {

	public ParticipantImportPreview(List<SheetColumn> sheetColumns, ParticipantColumns columns, boolean mappingNeeded,
			List<RowError> mappingErrors, ImportPreview<ParticipantCommand> rows, Map<String, Long> addedByCategory,
			int listedBefore) {
		this(sheetColumns, columns, mappingNeeded, mappingErrors, rows, addedByCategory, listedBefore, List.of(),
				List.of(), false);
	}

	/** Spellings still without a chosen organization. */
	public List<SpellingGroup> openSpellings() {
		return spellings.stream().filter(g -> g.chosen() == null).toList();
	}

	/** Skipped rows of one reason (BLANK, TOTAL, HEADER, EXCLUDED). */
	public long skipped(String reason) {
		return skipped.stream().filter(s -> s.reason().equals(reason)).count();
	}

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
