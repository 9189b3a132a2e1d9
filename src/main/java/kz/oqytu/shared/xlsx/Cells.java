package kz.oqytu.shared.xlsx;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reading cells as people fill them in: numbers typed as text, dates as text or as dates. */
public final class Cells {

	private static final DateTimeFormatter[] DATE_FORMATS = { DateTimeFormatter.ofPattern("dd.MM.yyyy"),
			DateTimeFormatter.ofPattern("d.M.yyyy"), DateTimeFormatter.ISO_LOCAL_DATE };

	private Cells() {
	}

	/** The cell's text, trimmed; empty string for a missing or blank cell. Formulas give their cached value. */
	public static String text(SheetRow row, int column) {
		return row == null ? "" : row.text(column);
	}

	/** A whole number, or null when the text is not one. */
	public static Long wholeNumber(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			BigDecimal value = new BigDecimal(text.replace(" ", "").replace("\u00a0", "").replace(',', '.'));
			return value.stripTrailingZeros().scale() > 0 ? null : value.longValueExact();
		}
		catch (NumberFormatException | ArithmeticException ex) {
			return null;
		}
	}

	/** A decimal number (commas or points), or null when the text is not one. */
	public static BigDecimal decimal(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.replace(" ", "").replace("\u00a0", "").replace(',', '.'));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** A date typed as dd.MM.yyyy or ISO, or stored as an Excel date; null otherwise. */
	public static LocalDate date(SheetRow row, int column) {
		if (row == null || column < 0) {
			return null;
		}
		LocalDate stored = row.date(column);
		if (stored != null) {
			return stored;
		}
		String text = text(row, column);
		for (DateTimeFormatter format : DATE_FORMATS) {
			try {
				return LocalDate.parse(text, format);
			}
			catch (DateTimeParseException ex) {
				// try the next format
			}
		}
		return null;
	}

	public static boolean blankRow(SheetRow row, int columns) {
		if (row == null) {
			return true;
		}
		for (int c = 0; c < columns; c++) {
			if (!text(row, c).isEmpty()) {
				return false;
			}
		}
		return true;
	}
}
