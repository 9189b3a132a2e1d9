package kz.oqytu.surveys.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A one-event iCalendar file (RFC 5545): an all-day VEVENT on the day a follow-up survey opens, with
 * a morning alarm. Written by hand: six properties do not justify a calendar library in the jar.
 */
final class CalendarReminder {

	private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private CalendarReminder() {
	}

	static String ics(String uid, LocalDate day, String summary, String description, String url, Instant stamp) {
		StringBuilder out = new StringBuilder();
		line(out, "BEGIN:VCALENDAR");
		line(out, "VERSION:2.0");
		line(out, "PRODID:-//Oqytu//Survey reminder//EN");
		line(out, "CALSCALE:GREGORIAN");
		line(out, "METHOD:PUBLISH");
		line(out, "BEGIN:VEVENT");
		line(out, "UID:" + text(uid));
		line(out, "DTSTAMP:" + STAMP.format(stamp));
		line(out, "DTSTART;VALUE=DATE:" + DATE.format(day));
		line(out, "DTEND;VALUE=DATE:" + DATE.format(day.plusDays(1)));
		line(out, "SUMMARY:" + text(summary));
		line(out, "DESCRIPTION:" + text(description + "\n" + url));
		line(out, "URL:" + url);
		line(out, "TRANSP:TRANSPARENT");
		line(out, "BEGIN:VALARM");
		line(out, "ACTION:DISPLAY");
		line(out, "DESCRIPTION:" + text(summary));
		line(out, "TRIGGER:PT9H");
		line(out, "END:VALARM");
		line(out, "END:VEVENT");
		line(out, "END:VCALENDAR");
		return out.toString();
	}

	/** A TEXT value escaped: backslash, semicolon, comma and line breaks (RFC 5545, 3.3.11). */
	static String text(String value) {
		StringBuilder out = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case ';' -> out.append("\\;");
				case ',' -> out.append("\\,");
				case '\n' -> out.append("\\n");
				case '\r' -> {
				}
				default -> out.append(c < 0x20 && c != '\t' ? ' ' : c);
			}
		}
		return out.toString();
	}

	/**
	 * One content line, folded so that no physical line exceeds 75 octets of UTF-8 (RFC 5545, 3.1),
	 * never inside a character; CRLF after each.
	 */
	static void line(StringBuilder out, String line) {
		int octets = 0;
		for (int i = 0; i < line.length();) {
			int cp = line.codePointAt(i);
			int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > 75) {
				out.append("\r\n ");
				octets = 1;
			}
			out.appendCodePoint(cp);
			octets += size;
			i += Character.charCount(cp);
		}
		out.append("\r\n");
	}
}
