package kz.oqytu.shared.xlsx;

/**
 * How large a sheet the imports read: rows (every row the sheet stores, blank or not), columns
 * (the furthest column holding a value) and cells (every cell the sheet stores, blank or not).
 * Reading stops, and the file is refused with the limit named, the moment one is crossed.
 *
 * <p>The defaults: 100 000 rows is five times the largest list any import takes (20 000), so a
 * real list with its blank and title rows always fits; 100 columns is far beyond any template
 * (4 to 12) and keeps the column-mapping page, which lists every column, small; 1 000 000 cells is
 * the largest list (20 000 rows) with 50 columns, read in about a second.
 */
public record SheetLimits(int rows, int columns, long cells) {

	public static final SheetLimits DEFAULT = new SheetLimits(100_000, 100, 1_000_000);

	public SheetLimits {
		if (rows < 1 || columns < 1 || cells < 1) {
			throw new IllegalArgumentException("sheet limits must be positive: " + rows + ", " + columns + ", " + cells);
		}
	}
}
