package kz.oqytu.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.Instant;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import kz.oqytu.shared.LocalizedText;
import kz.oqytu.shared.NumberFormats;
import kz.oqytu.shared.Percent;

/** Formatting for templates as {@code ${@fmt.count(n)}}: the union's number and date style. */
@Component("fmt")
public class Fmt {

	private final java.time.Clock clock;

	private final ZoneId zone;

	private final org.springframework.context.MessageSource messages;

	Fmt(java.time.Clock clock, org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.clock = clock;
		this.zone = clock.getZone();
	}

	/** This year by the application's clock, for templates (never the server's {@code #temporals.createToday()}). */
	public int thisYear() {
		return LocalDate.now(clock).getYear();
	}

	public String count(Number value) {
		return value == null ? "" : NumberFormats.count(value.longValue(), locale());
	}

	/** A signed change: "+89", "−61", "0". */
	public String change(Number value) {
		if (value == null) {
			return "";
		}
		long v = value.longValue();
		return (v > 0 ? "+" : v < 0 ? "\u2212" : "") + NumberFormats.count(Math.abs(v), locale());
	}

	/** A signed change of a share in percentage points: "+1,2", "−0,5". */
	public String points(BigDecimal points) {
		if (points == null) {
			return "";
		}
		String abs = NumberFormats.money(points.abs(), locale());
		// one decimal, as the shares themselves
		abs = abs.substring(0, abs.length() - 1);
		return (points.signum() > 0 ? "+" : points.signum() < 0 ? "\u2212" : "") + abs;
	}

	/** A score with one decimal: "4,4" (kk, ru), "4.4" (en); empty for none. */
	public String decimal(BigDecimal value) {
		if (value == null) {
			return "";
		}
		String text = NumberFormats.money(value, locale());
		return text.substring(0, text.length() - 1);
	}

	/** Academic hours with one decimal, as the union writes them: "4,0" (kk, ru), "4.0" (en). */
	public String hours(BigDecimal value) {
		if (value == null) {
			return "";
		}
		return NumberFormats.oneDecimal(value, locale());
	}

	/**
	 * A stored value shown beside a form field after a conflicting save: text as it is, numbers and
	 * dates in the union's style, yes/no in words, lists joined; none as a dash.
	 */
	public String stored(Object value) {
		if (value == null || (value instanceof String s && s.isBlank())
				|| (value instanceof java.util.Collection<?> c && c.isEmpty())) {
			return "\u2014";
		}
		if (value instanceof Boolean b) {
			return messages.getMessage(b ? "form.yes" : "form.no", null, locale());
		}
		if (value instanceof BigDecimal d) {
			// amounts of money carry two decimals, hours one
			return d.scale() >= 2 ? NumberFormats.money(d, locale()) : NumberFormats.oneDecimal(d, locale());
		}
		if (value instanceof Number n) {
			return NumberFormats.count(n, locale());
		}
		if (value instanceof LocalDateTime t) {
			return NumberFormats.dateTime(t);
		}
		if (value instanceof LocalDate d) {
			return NumberFormats.date(d);
		}
		if (value instanceof java.util.Collection<?> c) {
			return String.join("; ", c.stream().map(this::stored).toList());
		}
		return value.toString();
	}

	public String percent(Percent percent) {
		return NumberFormats.percent(percent, locale());
	}

	public String percentCompact(Percent percent) {
		return NumberFormats.percentCompact(percent, locale());
	}

	public String money(BigDecimal amount) {
		return NumberFormats.money(amount, locale());
	}

	public String date(LocalDate date) {
		return NumberFormats.date(date);
	}

	public String dateTime(LocalDateTime dateTime) {
		return NumberFormats.dateTime(dateTime);
	}

	public String dateTime(Instant instant) {
		return instant == null ? "" : NumberFormats.dateTime(LocalDateTime.ofInstant(instant, zone));
	}

	public String name(String kk, String ru) {
		return LocalizedText.pick(locale(), kk, ru);
	}

	public String lang() {
		return locale().getLanguage();
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}
}
