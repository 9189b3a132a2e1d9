package kz.oqytu.training;

/**
 * A row of the file that is not imported and is no error: a blank or numbered-only line, a total
 * line ("Барлығы: 42 адам"), the header repeated, or a row the user left out.
 *
 * @param reason BLANK, TOTAL, HEADER or EXCLUDED
 * @param text the row's first cells as written, to recognize it by
 */
public record SkippedRow(int rowNumber, String reason, String text) {
}
