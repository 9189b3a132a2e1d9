package kz.oqytu.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Numbers and dates as the union prints them: "33 557", "16,9%", "01.01.2026" in Kazakh and
 * Russian; English keeps its own separators ("33,557", "16.9%") but the same truncation.
 */
public final class NumberFormats {

	public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
	public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

	private NumberFormats() {
	}

	public static boolean usesSpaceAndComma(Locale locale) {
		return locale == null || !"en".equals(locale.getLanguage());
	}

	private static DecimalFormatSymbols symbols(Locale locale) {
		DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
		if (usesSpaceAndComma(locale)) {
			// A plain space, as in the union's printed reports (not Java's narrow no-break space).
			symbols.setGroupingSeparator(' ');
			symbols.setDecimalSeparator(',');
		}
		else {
			symbols.setGroupingSeparator(',');
			symbols.setDecimalSeparator('.');
		}
		return symbols;
	}

	public static String count(long value, Locale locale) {
		DecimalFormat format = new DecimalFormat("#,##0", symbols(locale));
		return format.format(value);
	}

	public static String count(Number value, Locale locale) {
		return value == null ? "" : count(value.longValue(), locale);
	}

	/** One decimal always: "16,9%", "10,0%" (the coverage table's style). */
	public static String percent(Percent percent, Locale locale) {
		if (percent == null) {
			return "";
		}
		DecimalFormat format = new DecimalFormat("#,##0.0", symbols(locale));
		format.setRoundingMode(RoundingMode.DOWN);
		return format.format(percent.value()) + "%";
	}

	/** Whole shares without decimals ("8%", "10%"), one truncated decimal otherwise ("9,5%"). */
	public static String percentCompact(Percent percent, Locale locale) {
		if (percent == null) {
			return "";
		}
		DecimalFormat format = new DecimalFormat("#,##0.#", symbols(locale));
		format.setRoundingMode(RoundingMode.DOWN);
		return format.format(percent.value()) + "%";
	}

	/** Money in tenge with two decimals: "1 234 567,89". */
	/** One decimal, grouped: "4,0", "1 234,5" (kk, ru); "4.0" (en). */
	public static String oneDecimal(BigDecimal value, Locale locale) {
		DecimalFormat format = new DecimalFormat("#,##0.0", symbols(locale));
		format.setRoundingMode(java.math.RoundingMode.HALF_UP);
		return format.format(value);
	}

	public static String money(BigDecimal amount, Locale locale) {
		if (amount == null) {
			return "";
		}
		DecimalFormat format = new DecimalFormat("#,##0.00", symbols(locale));
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(amount);
	}

	public static String date(LocalDate date) {
		return date == null ? "" : DATE.format(date);
	}

	public static String dateTime(LocalDateTime dateTime) {
		return dateTime == null ? "" : DATE_TIME.format(dateTime);
	}
}
