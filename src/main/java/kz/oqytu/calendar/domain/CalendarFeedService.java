package kz.oqytu.calendar.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.Role;
import kz.oqytu.calendar.CalendarFeeds;
import kz.oqytu.calendar.FeedAddress;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.UnitInfo;
import kz.oqytu.organizations.UnitLevel;
import kz.oqytu.shared.NotFoundException;
import kz.oqytu.training.CalendarEntry;
import kz.oqytu.training.TrainingCalendar;

/**
 * The feeds' secrets and what a feed holds (decision 0043). A feed carries the events open to its body
 * (see {@link TrainingCalendar}) that end no earlier than {@value #DAYS_BACK} days ago and start within
 * a year: cancelled ones stay until then with STATUS:CANCELLED, so subscribed phones drop or strike them.
 */
@Service
public class CalendarFeedService implements CalendarFeeds {

	/** How long past (and cancelled) events stay in a feed. */
	static final int DAYS_BACK = 30;

	/** A secret as the address carries it: 256 random bits, URL-safe Base64 without padding. */
	static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final TrainingCalendar calendar;

	private final FeedRenderer renderer;

	private final MessageSource messages;

	private final Clock clock;

	private final String baseUrl;

	private final int maxEvents;

	private final int fetchesPerMinute;

	/** Texts can change with a new release: no feed is older than the application's start. */
	private final Instant started;

	CalendarFeedService(JdbcClient jdbc, Organizations organizations, TrainingCalendar calendar, FeedRenderer renderer,
			MessageSource messages, Clock clock, Environment environment,
			@Value("${oqytu.calendar.max-events:1000}") int maxEvents,
			@Value("${oqytu.calendar.fetches-per-minute:120}") int fetchesPerMinute) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.calendar = calendar;
		this.renderer = renderer;
		this.messages = messages;
		this.clock = clock;
		String url = environment.getProperty("oqytu.public-url", "http://localhost:8080");
		this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
		this.maxEvents = maxEvents;
		this.fetchesPerMinute = fetchesPerMinute;
		this.started = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
	}

	/** A feed found by its secret: the body and when the secret was made. */
	public record Feed(long unitId, Instant createdAt) {
	}

	private record Row(long unitId, String secret, Instant createdAt) {
	}

	// ---- for pages

	@Override
	@Transactional
	public FeedAddress address(CurrentUser user, long unitId) {
		UnitInfo unit = readable(user, unitId);
		return view(user, unit, ensure(List.of(unitId)).get(unitId));
	}

	/** The feeds of several bodies at once (the staff page), made on first use; all must be readable. */
	@Transactional
	public List<FeedAddress> addresses(CurrentUser user, List<Long> unitIds) {
		List<UnitInfo> units = unitIds.stream().map(id -> readable(user, id)).toList();
		Map<Long, Row> rows = ensure(unitIds);
		return units.stream().map(u -> view(user, u, rows.get(u.id()))).toList();
	}

	@Override
	@Transactional
	public FeedAddress regenerate(CurrentUser user, long unitId) {
		UnitInfo unit = readable(user, unitId);
		if (!mayRegenerate(user, unit)) {
			throw new AccessDeniedException("may not renew the calendar address of " + unitId);
		}
		String secret = newSecret();
		jdbc.sql("""
				insert into calendar_feed (unit_id, secret, secret_sha256, created_at, created_by)
				values (:unit, :secret, :digest, :now, :user)
				on conflict (unit_id) do update
				    set secret = excluded.secret, secret_sha256 = excluded.secret_sha256, created_at = excluded.created_at,
				        created_by = excluded.created_by
				""")
			.param("unit", unitId)
			.param("secret", secret)
			.param("digest", sha256(secret))
			.param("now", OffsetDateTime.now(clock))
			.param("user", user.id())
			.update();
		return view(user, unit, rows(List.of(unitId)).get(unitId));
	}

	/** The bodies whose feeds a staff member's page lists: their scope node (or {@code unitId}) and the bodies under it. */
	@Transactional(readOnly = true)
	public List<Long> bodiesOf(CurrentUser user, Long unitId) {
		long top = unitId == null ? user.scopeUnitId() : unitId;
		UnitInfo unit = readable(user, top);
		List<Long> children = switch (unit.level()) {
			case NATIONAL -> organizations.regions(user).stream().map(r -> r.id()).toList();
			case REGION -> {
				List<Long> committees = organizations.committees(user).stream().map(c -> c.id()).toList();
				yield organizations.infos(committees)
					.values()
					.stream()
					.filter(c -> c.parentId() != null && c.parentId() == unit.id())
					.map(UnitInfo::id)
					.toList();
			}
			default -> List.of();
		};
		// committees come city first from Organizations; keep that order
		return Stream.concat(Stream.of(top), children.stream()).distinct().toList();
	}

	// ---- the public feed

	/** The feed whose address carries this secret; a malformed one is not looked up. */
	@Transactional(readOnly = true)
	public Optional<Feed> bySecret(String secret) {
		if (secret == null || !SECRET.matcher(secret).matches()) {
			return Optional.empty();
		}
		return jdbc.sql("select unit_id, created_at from calendar_feed where secret_sha256 = :digest")
			.param("digest", sha256(secret))
			.query((rs, n) -> new Feed(rs.getLong("unit_id"), rs.getObject("created_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

	/**
	 * Counts one fetch of the feed; false when it is over its limit this minute. In a statement of its
	 * own (auto-commit), like the survey's answer limits (decision 0037).
	 */
	public boolean allowFetch(long unitId) {
		long minute = clock.millis() / 60_000;
		int fetches = jdbc.sql("""
				insert into calendar_fetch_count as c (unit_id, minute, fetches) values (:unit, :minute, 1)
				on conflict (unit_id) do update
				    set fetches = case when c.minute = excluded.minute then c.fetches + 1 else 1 end, minute = excluded.minute
				returning fetches
				""")
			.param("unit", unitId)
			.param("minute", minute)
			.query(Integer.class)
			.single();
		return fetches <= fetchesPerMinute;
	}

	/**
	 * When the feed last changed and a tag of what it depends on: its events (any event's last change
	 * stands in, since one that left the feed leaves no trace in it; with the events' change counter,
	 * which moves whatever the clocks say), the window (it moves at midnight
	 * in the union's zone), its secret and the application's start. Names of organizations changed
	 * during the day show the next day at the latest. {@code modified} is the latest of them (for
	 * Last-Modified); {@code tag} changes whenever any of them changes, even to an earlier time (an
	 * event written under another clock, a clock set back), so an ETag made from it never keeps a
	 * changed feed from a phone.
	 */
	public record Version(Instant modified, String tag) {
	}

	@Transactional(readOnly = true)
	public Version version(Feed feed) {
		Instant midnight = LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant();
		Instant events = calendar.lastChange();
		Instant last = Stream.of(midnight, events, feed.createdAt(), started)
			.filter(java.util.Objects::nonNull)
			.max(Instant::compareTo)
			.orElseThrow();
		String tag = Long.toString(calendar.changeCount(), 36) + "."
				+ Stream.of(midnight, events, feed.createdAt(), started)
					.map(i -> i == null ? "-" : Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, i), 36))
					.collect(java.util.stream.Collectors.joining("."));
		return new Version(last.truncatedTo(ChronoUnit.MICROS), tag);
	}

	/** The feed's iCalendar text in the language. */
	@Transactional(readOnly = true)
	public String render(Feed feed, Locale locale) {
		UnitInfo unit = organizations.info(feed.unitId()).orElseThrow(() -> new NotFoundException("unit"));
		LocalDate today = LocalDate.now(clock);
		List<CalendarEntry> entries = calendar.openTo(unit.id(), today.minusDays(DAYS_BACK).atStartOfDay(),
				today.plusYears(1).atStartOfDay(), maxEvents);
		String name = messages.getMessage("calendar.ics.name", new Object[] { unit.name(locale) }, locale);
		return renderer.feed(name, entries, locale);
	}

	/** One event as a file for the user's calendar; empty when they may not see it. */
	@Transactional(readOnly = true)
	public Optional<String> single(CurrentUser user, long eventId, Locale locale) {
		return calendar.entry(user, eventId).map(e -> renderer.single(e, locale));
	}

	// ---- secrets

	private Map<Long, Row> ensure(Collection<Long> unitIds) {
		Map<Long, Row> rows = rows(unitIds);
		List<Long> missing = unitIds.stream().filter(id -> !rows.containsKey(id)).distinct().toList();
		if (missing.isEmpty()) {
			return rows;
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		for (Long id : missing) {
			// two first views at once: one secret wins and both show it
			String secret = newSecret();
			jdbc.sql("""
					insert into calendar_feed (unit_id, secret, secret_sha256, created_at) values (:unit, :secret, :digest, :now)
					on conflict do nothing""")
				.param("unit", id)
				.param("secret", secret)
				.param("digest", sha256(secret))
				.param("now", now)
				.update();
		}
		return rows(unitIds);
	}

	private Map<Long, Row> rows(Collection<Long> unitIds) {
		Map<Long, Row> rows = new LinkedHashMap<>();
		jdbc.sql("select unit_id, secret, created_at from calendar_feed where unit_id = any(:ids)")
			.param("ids", unitIds.toArray(new Long[0]))
			.query((rs, n) -> new Row(rs.getLong("unit_id"), rs.getString("secret"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant()))
			.list()
			.forEach(r -> rows.put(r.unitId(), r));
		return rows;
	}

	private FeedAddress view(CurrentUser user, UnitInfo unit, Row row) {
		return new FeedAddress(unit.id(), unit.level(), unit.nameKk(), unit.nameRu(), baseUrl, row.secret(),
				row.createdAt(), mayRegenerate(user, unit));
	}

	/** A chair reads their own organization's feed; staff the feeds of bodies in their scope. */
	private UnitInfo readable(CurrentUser user, long unitId) {
		UnitInfo unit = organizations.info(unitId).orElseThrow(() -> new NotFoundException("unit " + unitId));
		boolean allowed = user.is(Role.CHAIR) ? user.scopeUnitId() == unitId : user.covers(unit.path());
		if (!allowed) {
			throw new AccessDeniedException("the calendar of " + unitId + " is outside the user's scope");
		}
		return unit;
	}

	/**
	 * A primary organization's address is its chair's (an administrator may renew it too, as with the
	 * school plan); a committee's, region's or the union's, the methodologist's and administrator's.
	 */
	static boolean mayRegenerate(CurrentUser user, UnitInfo unit) {
		boolean covers = user.is(Role.CHAIR) ? user.scopeUnitId() == unit.id() : user.covers(unit.path());
		if (!covers) {
			return false;
		}
		if (unit.level() == UnitLevel.PRIMARY) {
			return user.is(Role.CHAIR) || user.is(Role.ADMIN);
		}
		return user.is(Role.ADMIN) || user.is(Role.METHODOLOGIST);
	}

	static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static byte[] sha256(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
