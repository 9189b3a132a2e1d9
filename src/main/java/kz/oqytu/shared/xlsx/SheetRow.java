package kz.oqytu.shared.xlsx;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * One row of a sheet as {@link SafeWorkbooks#read} streams it: its index (from 0, as POI numbers
 * rows; Excel shows index + 1) and the cells that hold a value, as text the way
 * {@link Cells#text} reads them, with the date of the cells that are dates in Excel.
 */
public final class SheetRow {

	private final int index;

	private final String[] texts;

	private final LocalDate[] dates;

	SheetRow(int index, String[] texts, LocalDate[] dates) {
		this.index = index;
		this.texts = texts;
		this.dates = dates;
	}

	/** A row of text cells, for tests and for rows made in code. */
	public static SheetRow of(int index, String... texts) {
		return new SheetRow(index, texts.clone(), null);
	}

	public int index() {
		return index;
	}

	/** One past the last column holding a value (0 for an empty row), like POI's {@code getLastCellNum}. */
	public int width() {
		return texts.length;
	}

	/** The cell's text, trimmed; empty when the cell is missing or blank. */
	public String text(int column) {
		if (column < 0 || column >= texts.length || texts[column] == null) {
			return "";
		}
		return texts[column];
	}

	/** The date of a cell Excel stores as a date; null for any other cell. */
	public LocalDate date(int column) {
		return dates == null || column < 0 || column >= dates.length ? null : dates[column];
	}

	@Override
	public String toString() {
		return (index + 1) + ": " + Arrays.toString(texts);
	}
}
