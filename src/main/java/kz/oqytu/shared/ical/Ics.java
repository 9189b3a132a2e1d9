package kz.oqytu.shared.ical;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * iCalendar text (RFC 5545): content lines folded at 75 octets of UTF-8, never inside a character, each
 * ended by CRLF; TEXT values escaped; times in UTC. Written by the calendar feeds and the survey's
 * follow-up reminder, which once had a copy of their own.
 */
public final class Ics {

	public static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

	public static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

	private final StringBuilder out = new StringBuilder(4096);

	/** One property whose value is written as it is (dates, codes, URIs). */
	public Ics raw(String name, String value) {
		line(out, name + ":" + value);
		return this;
	}

	/** One TEXT property, escaped. */
	public Ics text(String name, String value) {
		line(out, name + ":" + escape(value));
		return this;
	}

	public Ics time(String name, Instant at) {
		return raw(name, UTC.format(at));
	}

	@Override
	public String toString() {
		return out.toString();
	}

	/** A TEXT value escaped: backslash, semicolon, comma and line breaks (RFC 5545, 3.3.11); controls dropped. */
	public static String escape(String value) {
		StringBuilder text = new StringBuilder(value.length() + 8);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> text.append("\\\\");
				case ';' -> text.append("\\;");
				case ',' -> text.append("\\,");
				case '\n' -> text.append("\\n");
				case '\r' -> {
				}
				default -> {
					if (c >= 0x20 && c != 0x7f || c == '\t') {
						text.append(c);
					}
				}
			}
		}
		return text.toString();
	}

	/** One content line folded so that no physical line exceeds 75 octets (RFC 5545, 3.1); CRLF after it. */
	public static void line(StringBuilder out, String line) {
		int octets = 0;
		for (int i = 0; i < line.length();) {
			int cp = line.codePointAt(i);
			int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
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
