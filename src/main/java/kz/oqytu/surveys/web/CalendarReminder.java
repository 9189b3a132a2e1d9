package kz.oqytu.surveys.web;

import java.time.Instant;
import java.time.LocalDate;

import kz.oqytu.shared.ical.Ics;

/**
 * A one-event iCalendar file (RFC 5545): an all-day VEVENT on the day a follow-up survey opens, with
 * a morning alarm. Written by hand: six properties do not justify a calendar library in the jar.
 */
final class CalendarReminder {

	private CalendarReminder() {
	}

	static String ics(String uid, LocalDate day, String summary, String description, String url, Instant stamp) {
		StringBuilder out = new StringBuilder();
		Ics.line(out, "BEGIN:VCALENDAR");
		Ics.line(out, "VERSION:2.0");
		Ics.line(out, "PRODID:-//Oqytu//Survey reminder//EN");
		Ics.line(out, "CALSCALE:GREGORIAN");
		Ics.line(out, "METHOD:PUBLISH");
		Ics.line(out, "BEGIN:VEVENT");
		Ics.line(out, "UID:" + Ics.escape(uid));
		Ics.line(out, "DTSTAMP:" + Ics.UTC.format(stamp));
		Ics.line(out, "DTSTART;VALUE=DATE:" + Ics.DATE.format(day));
		Ics.line(out, "DTEND;VALUE=DATE:" + Ics.DATE.format(day.plusDays(1)));
		Ics.line(out, "SUMMARY:" + Ics.escape(summary));
		Ics.line(out, "DESCRIPTION:" + Ics.escape(description + "\n" + url));
		Ics.line(out, "URL:" + url);
		Ics.line(out, "TRANSP:TRANSPARENT");
		Ics.line(out, "BEGIN:VALARM");
		Ics.line(out, "ACTION:DISPLAY");
		Ics.line(out, "DESCRIPTION:" + Ics.escape(summary));
		Ics.line(out, "TRIGGER:PT9H");
		Ics.line(out, "END:VALARM");
		Ics.line(out, "END:VEVENT");
		Ics.line(out, "END:VCALENDAR");
		return out.toString();
	}
}
