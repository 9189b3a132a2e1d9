package kz.oqytu.calendar.domain;

import kz.oqytu.shared.ical.Ics;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import kz.oqytu.shared.NumberFormats;
import kz.oqytu.training.CalendarEntry;
import kz.oqytu.training.CatalogItem;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingCatalog;
import kz.oqytu.training.VenueKind;

/**
 * Events as iCalendar text in the reader's language. Nothing in the output depends on the moment it is
 * made (DTSTAMP is the event's last change), so the same events give the same bytes and a poll that
 * finds nothing new is answered 304.
 *
 * <p>Times are written in UTC, converted from the union's zone in which events are stored, so no
 * VTIMEZONE is needed and every phone shows them in its own zone. An event whose times are both
 * midnight is an all-day event over its dates.
 */
@Component
public class FeedRenderer {

	/** How often a subscribed calendar should fetch again (RFC 7986 REFRESH-INTERVAL, X-PUBLISHED-TTL). */
	static final Duration REFRESH = Duration.ofHours(6);

	private final MessageSource messages;

	private final TrainingCatalog catalog;

	private final ZoneId zone;

	private final String uidDomain;

	FeedRenderer(MessageSource messages, TrainingCatalog catalog, Clock clock,
			@Value("${oqytu.calendar.uid-domain:oqytu.kz}") String uidDomain) {
		this.messages = messages;
		this.catalog = catalog;
		this.zone = clock.getZone();
		this.uidDomain = uidDomain;
	}

	/** The stable identifier of an event in every feed and file, whatever the server's address. */
	public String uid(long eventId) {
		return "event-" + eventId + "@" + uidDomain;
	}

	/** A subscribed feed: the calendar's name and refresh hint, then its events. */
	public String feed(String calendarName, List<CalendarEntry> entries, Locale locale) {
		Ics ics = begin(locale, "Calendar feed");
		ics.text("X-WR-CALNAME", calendarName)
			.text("NAME", calendarName)
			.text("X-WR-CALDESC", message("calendar.ics.description", locale, calendarName))
			.raw("X-WR-TIMEZONE", zone.getId())
			.raw("REFRESH-INTERVAL;VALUE=DURATION", REFRESH.toString())
			.raw("X-PUBLISHED-TTL", REFRESH.toString());
		Map<String, CatalogItem> forms = TrainingCatalog.byCode(catalog.forms());
		Map<String, CatalogItem> topics = TrainingCatalog.byCode(catalog.topics());
		entries.forEach(e -> event(ics, e, locale, forms, topics));
		return ics.raw("END", "VCALENDAR").toString();
	}

	/** One event as a file to open ("add to calendar"). */
	public String single(CalendarEntry entry, Locale locale) {
		Ics ics = begin(locale, "Event");
		event(ics, entry, locale, TrainingCatalog.byCode(catalog.forms()), TrainingCatalog.byCode(catalog.topics()));
		return ics.raw("END", "VCALENDAR").toString();
	}

	private static Ics begin(Locale locale, String kind) {
		return new Ics().raw("BEGIN", "VCALENDAR")
			.raw("VERSION", "2.0")
			.raw("PRODID", "-//Oqytu//" + kind + "//" + locale.getLanguage().toUpperCase(Locale.ROOT))
			.raw("CALSCALE", "GREGORIAN")
			.raw("METHOD", "PUBLISH");
	}

	private void event(Ics ics, CalendarEntry e, Locale locale, Map<String, CatalogItem> forms,
			Map<String, CatalogItem> topics) {
		boolean cancelled = e.status() == EventStatus.CANCELLED;
		ics.raw("BEGIN", "VEVENT")
			.raw("UID", uid(e.id()))
			.time("DTSTAMP", e.updatedAt())
			.time("LAST-MODIFIED", e.updatedAt());
		if (e.startsAt().toLocalTime().equals(LocalTime.MIDNIGHT) && e.endsAt().toLocalTime().equals(LocalTime.MIDNIGHT)) {
			ics.raw("DTSTART;VALUE=DATE", Ics.DATE.format(e.startsAt()))
				.raw("DTEND;VALUE=DATE", Ics.DATE.format(e.endsAt().toLocalDate().plusDays(1)));
		}
		else {
			ics.time("DTSTART", utc(e.startsAt()));
			if (e.endsAt().isAfter(e.startsAt())) {
				ics.time("DTEND", utc(e.endsAt()));
			}
		}
		// Phones that keep a cancelled event (some show it struck through, some not at all) say so in its title too.
		String title = e.title(locale);
		ics.raw("SEQUENCE", Integer.toString(e.version()))
			.raw("STATUS", cancelled ? "CANCELLED" : "CONFIRMED")
			.text("SUMMARY", cancelled ? message("calendar.ics.cancelled", locale, title) : title);
		String location = location(e, locale);
		if (!location.isEmpty()) {
			ics.text("LOCATION", location);
		}
		ics.text("DESCRIPTION", description(e, locale, forms, topics));
		if (e.announcementUrl() != null && e.announcementUrl().matches("(?i)https?://\\S+")) {
			ics.raw("URL", e.announcementUrl());
		}
		ics.raw("TRANSP", cancelled ? "TRANSPARENT" : "OPAQUE").raw("END", "VEVENT");
	}

	private java.time.Instant utc(LocalDateTime local) {
		return local.atZone(zone).toInstant();
	}

	/** Online: "Online, <details>"; elsewhere the hall or address, the host organization and the district. */
	String location(CalendarEntry e, Locale locale) {
		List<String> parts = new ArrayList<>();
		if (e.venueKind() == VenueKind.ONLINE) {
			parts.add(message("training.venue.ONLINE", locale));
			parts.add(e.venueDetails());
		}
		else {
			parts.add(e.venueDetails());
			parts.add(e.host(locale));
			parts.add(e.district(locale));
		}
		List<String> present = parts.stream().filter(Objects::nonNull).map(String::strip).filter(p -> !p.isEmpty()).toList();
		return present.isEmpty() ? message("training.venue." + e.venueKind().name(), locale) : String.join(", ", present);
	}

	String description(CalendarEntry e, Locale locale, Map<String, CatalogItem> forms, Map<String, CatalogItem> topics) {
		List<String> lines = new ArrayList<>();
		if (e.status() == EventStatus.CANCELLED) {
			lines.add(message("calendar.ics.cancelledNote", locale));
		}
		CatalogItem form = forms.get(e.formCode());
		lines.add(form == null ? e.formCode() : form.name(locale));
		if (!e.topicCodes().isEmpty()) {
			lines.add(message("calendar.ics.topics", locale, e.topicCodes()
				.stream()
				.map(code -> topics.containsKey(code) ? topics.get(code).name(locale) : code)
				.collect(Collectors.joining("; "))));
		}
		lines.add(message("calendar.ics.hours", locale, NumberFormats.oneDecimal(e.academicHours(), locale)));
		if (e.trainers() != null && !e.trainers().isBlank()) {
			lines.add(message("calendar.ics.trainers", locale, e.trainers().strip()));
		}
		if (e.announcementUrl() != null && !e.announcementUrl().isBlank()) {
			lines.add(message("calendar.ics.announcement", locale, e.announcementUrl().strip()));
		}
		return String.join("\n", lines);
	}

	private String message(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
