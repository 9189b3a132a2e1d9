package kz.oqytu.calendar.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.ServletWebRequest;

import kz.oqytu.calendar.domain.CalendarFeedService;
import kz.oqytu.calendar.domain.CalendarFeedService.Feed;

/**
 * A union body's calendar feed at its secret address, {@code /feeds/{kk|ru|en}/{secret}.ics}: the
 * language is part of the address (the one of the page it was copied from). An unknown secret is a
 * bare 404, found or not by one index probe on the secret's digest. A poll that finds nothing new costs
 * three short statements and gets 304; the events are read only when the feed changed.
 */
@Controller
class CalendarFeedController {

	static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar; charset=utf-8");

	/** Changes when the feed's layout does, so that every phone fetches it again. */
	private static final String FORMAT = "1";

	private final CalendarFeedService feeds;

	CalendarFeedController(CalendarFeedService feeds) {
		this.feeds = feeds;
	}

	@GetMapping("/feeds/{lang:kk|ru|en}/{secret}.ics")
	ResponseEntity<byte[]> feed(@PathVariable String lang, @PathVariable String secret, ServletWebRequest request) {
		Optional<Feed> found = feeds.bySecret(secret);
		if (found.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		Feed feed = found.get();
		if (!feeds.allowFetch(feed.unitId())) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "60").build();
		}
		CalendarFeedService.Version version = feeds.version(feed);
		Instant modified = version.modified();
		// two changes within one second differ in the ETag, which phones send back (If-None-Match wins)
		String etag = "W/\"" + lang + "-" + version.tag() + "-" + FORMAT + "\"";
		HttpServletResponse response = request.getResponse();
		if (response != null) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().cachePrivate().getHeaderValue());
		}
		if (request.checkNotModified(etag, modified.toEpochMilli())) {
			return null;
		}
		byte[] body = feeds.render(feed, Locale.forLanguageTag(lang)).getBytes(StandardCharsets.UTF_8);
		return ResponseEntity.ok()
			.contentType(TEXT_CALENDAR)
			.cacheControl(CacheControl.noCache().cachePrivate())
			.eTag(etag)
			.lastModified(modified.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"oqytu-" + lang + ".ics\"")
			.header("X-Robots-Tag", "noindex")
			.body(body);
	}
}
