package kz.oqytu.checkin.domain;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.checkin.CheckinView;
import kz.oqytu.checkin.Checkins;
import kz.oqytu.checkin.EntryStatus;
import kz.oqytu.checkin.EntryView;
import kz.oqytu.checkin.PublicCheckin;
import kz.oqytu.checkin.SelfCheckIn;
import kz.oqytu.checkin.SubmitOutcome;
import kz.oqytu.organizations.NameMatcher;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.UnitInfo;
import kz.oqytu.organizations.UnitOption;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.NotFoundException;
import kz.oqytu.training.EventDetails;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.EventSummary;
import kz.oqytu.training.Participant;
import kz.oqytu.training.ParticipantCommand;
import kz.oqytu.training.TrainingCatalog;
import kz.oqytu.training.TrainingEvents;

/**
 * Check-in: the staff side goes through training's API (scope, the named list, its counts), the
 * public side reads the check-in by its code and matches the typed organization with the same
 * {@link NameMatcher} (names and aliases) as the participant import.
 */
@Service
class CheckinService implements Checkins {

	/** Codes without look-alikes (no 0/O, 1/I/L): typed from a screen at the back of a room. */
	private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

	static final int CODE_LENGTH = 8;

	private static final Pattern CODE = Pattern.compile("[" + ALPHABET + "]{" + CODE_LENGTH + "}");

	private static final Pattern DEVICE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final Pattern LETTER = Pattern.compile("\\p{L}");

	private static final Pattern PHONE = Pattern.compile("[+0-9 ()\\-]{5,20}");

	/** How far ahead check-in may stay open: a seminar lasts days, not weeks. */
	static final int MAX_OPEN_DAYS = 14;

	private static final int SUGGESTIONS = 5;

	private static final int MAX_LISTED_ORGANIZATIONS = 2000;

	private final SecureRandom random = new SecureRandom();

	/** How long a region's name matcher serves a room's entries before it is read again (aliases added meanwhile). */
	static final long MATCHER_MILLIS = 60_000;

	private record TimedMatcher(NameMatcher matcher, long readAt) {
	}

	/** A room's 300 entries would otherwise each read the region's units and aliases again. */
	private final kz.oqytu.shared.BoundedCache<String, TimedMatcher> matchers = new kz.oqytu.shared.BoundedCache<>(32);

	private final JdbcClient jdbc;

	private final TrainingEvents events;

	private final TrainingCatalog catalog;

	private final Organizations organizations;

	private final CheckinLimits limits;

	private final Clock clock;

	private final int maxEntries;

	private final String publicUrl;

	CheckinService(JdbcClient jdbc, TrainingEvents events, TrainingCatalog catalog, Organizations organizations,
			CheckinLimits limits, Clock clock, Environment environment,
			@Value("${oqytu.checkin.max-entries:2000}") int maxEntries) {
		this.jdbc = jdbc;
		this.events = events;
		this.catalog = catalog;
		this.organizations = organizations;
		this.limits = limits;
		this.clock = clock;
		this.maxEntries = maxEntries;
		String url = environment.getProperty("oqytu.public-url", "http://localhost:8080");
		this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	private record Row(long id, long eventId, String code, LocalDateTime closesAt) {
	}

	private LocalDateTime localNow() {
		return LocalDateTime.now(clock).withNano(0);
	}

	private CheckinView view(Row row) {
		return new CheckinView(row.eventId(), row.code(), publicUrl + "/c/" + row.code(), row.closesAt(),
				localNow().isBefore(row.closesAt()));
	}

	private Optional<Row> byEvent(long eventId) {
		return jdbc.sql("select id, event_id, code, closes_at from checkin where event_id = :event")
			.param("event", eventId)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("event_id"), rs.getString("code"),
					rs.getTimestamp("closes_at").toLocalDateTime()))
			.optional();
	}

	// ---- staff

	@Override
	@Transactional(readOnly = true)
	public Optional<CheckinView> find(CurrentUser user, long eventId) {
		events.details(user, eventId);
		return byEvent(eventId).map(this::view);
	}

	/** The event, read through training (its scope rule), for a writer only. */
	private EventDetails writable(CurrentUser user, long eventId) {
		EventDetails event = events.details(user, eventId);
		if (!user.writesTraining()) {
			throw new AccessDeniedException("check-in of event " + eventId);
		}
		return event;
	}

	@Override
	@Transactional
	public CheckinView open(CurrentUser user, long eventId, LocalDateTime closesAt) {
		EventDetails event = writable(user, eventId);
		if (event.status() == EventStatus.CANCELLED) {
			throw new BusinessRuleException("checkin.error.cancelled");
		}
		LocalDateTime now = localNow();
		if (closesAt == null || !closesAt.isAfter(now) || closesAt.isAfter(now.plusDays(MAX_OPEN_DAYS))) {
			throw new BusinessRuleException("closesAt", "checkin.error.closesAt", MAX_OPEN_DAYS);
		}
		jdbc.sql("""
				insert into checkin (event_id, code, closes_at, opened_by, opened_at)
				values (:event, :code, :closes, :user, :now)
				on conflict (event_id) do update set closes_at = excluded.closes_at
				""")
			.param("event", eventId)
			.param("code", newCode())
			.param("closes", closesAt.withNano(0))
			.param("user", user.id())
			.param("now", now)
			.update();
		return byEvent(eventId).map(this::view).orElseThrow();
	}

	private String newCode() {
		StringBuilder code = new StringBuilder(CODE_LENGTH);
		for (int i = 0; i < CODE_LENGTH; i++) {
			code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	@Override
	@Transactional
	public void close(CurrentUser user, long eventId) {
		writable(user, eventId);
		jdbc.sql("update checkin set closes_at = :now where event_id = :event and closes_at > :now")
			.param("now", localNow())
			.param("event", eventId)
			.update();
	}

	private record EntryRow(long id, String fullName, String nameKey, String organizationText, Long organizationId,
			String categoryCode, String phone, LocalDateTime submittedAt, EntryStatus status) {
	}

	@Override
	@Transactional(readOnly = true)
	public List<EntryView> entries(CurrentUser user, long eventId) {
		EventDetails event = events.details(user, eventId);
		List<EntryRow> rows = jdbc.sql("""
				select e.id, e.full_name, e.name_key, e.organization_text, e.organization_id, e.category_code, e.phone,
				       e.submitted_at, e.status
				from checkin_entry e join checkin c on c.id = e.checkin_id
				where c.event_id = :event
				order by e.id desc
				limit :limit
				""")
			.param("event", eventId)
			.param("limit", maxEntries)
			.query((rs, n) -> new EntryRow(rs.getLong("id"), rs.getString("full_name"), rs.getString("name_key"),
					rs.getString("organization_text"), (Long) rs.getObject("organization_id", Long.class),
					rs.getString("category_code"), rs.getString("phone"), rs.getTimestamp("submitted_at").toLocalDateTime(),
					EntryStatus.valueOf(rs.getString("status"))))
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, UnitInfo> units = organizations.infos(rows.stream().map(EntryRow::organizationId)
			.filter(java.util.Objects::nonNull).distinct().toList());
		Map<String, List<Participant>> known = new HashMap<>();
		for (Participant p : events.participants(user, eventId)) {
			known.computeIfAbsent(Organizations.nameKey(p.fullName()), k -> new ArrayList<>()).add(p);
		}
		NameMatcher matcher = rows.stream().anyMatch(r -> r.status() == EntryStatus.NEW && r.organizationId() == null)
				? organizations.nameMatcher(user) : null;
		List<EntryView> views = new ArrayList<>(rows.size());
		for (EntryRow r : rows) {
			UnitInfo unit = r.organizationId() == null ? null : units.get(r.organizationId());
			List<UnitOption> suggestions = matcher != null && r.status() == EntryStatus.NEW && r.organizationId() == null
					? matcher.suggest(r.organizationText(), event.districtId(), SUGGESTIONS) : List.of();
			List<EntryView.KnownPerson> duplicates = r.status() != EntryStatus.NEW ? List.of()
					: known.getOrDefault(r.nameKey(), List.of()).stream()
						.map(p -> new EntryView.KnownPerson(p.id(), p.fullName(), p.organizationKk(), p.organizationRu(),
								r.organizationId() != null && r.organizationId() == p.organizationId()))
						.toList();
			views.add(new EntryView(r.id(), r.fullName(), r.organizationText(), r.organizationId(),
					unit == null ? null : unit.nameKk(), unit == null ? null : unit.nameRu(), r.categoryCode(), r.phone(),
					r.submittedAt(), r.status(), suggestions, duplicates));
		}
		return views;
	}

	/** A waiting entry of the event's check-in, locked for the decision; else a rule error. */
	private EntryRow waiting(long eventId, long entryId) {
		EntryRow row = jdbc.sql("""
				select e.id, e.full_name, e.name_key, e.organization_text, e.organization_id, e.category_code, e.phone,
				       e.submitted_at, e.status
				from checkin_entry e join checkin c on c.id = e.checkin_id
				where c.event_id = :event and e.id = :entry
				for update of e
				""")
			.param("event", eventId)
			.param("entry", entryId)
			.query((rs, n) -> new EntryRow(rs.getLong("id"), rs.getString("full_name"), rs.getString("name_key"),
					rs.getString("organization_text"), (Long) rs.getObject("organization_id", Long.class),
					rs.getString("category_code"), rs.getString("phone"), rs.getTimestamp("submitted_at").toLocalDateTime(),
					EntryStatus.valueOf(rs.getString("status"))))
			.optional()
			.orElseThrow(() -> new NotFoundException("check-in entry " + entryId));
		if (row.status() != EntryStatus.NEW) {
			throw new BusinessRuleException("checkin.error.decided");
		}
		return row;
	}

	private void decide(CurrentUser user, long entryId, EntryStatus status, Long organizationId, Long participantId) {
		jdbc.sql("""
				update checkin_entry set status = :status, organization_id = coalesce(:org, organization_id),
				       participant_id = :participant, decided_by = :user, decided_at = :now
				where id = :entry
				""")
			.param("status", status.name())
			.param("org", organizationId)
			.param("participant", participantId)
			.param("user", user.id())
			.param("now", localNow())
			.param("entry", entryId)
			.update();
	}

	@Override
	@Transactional
	public void confirm(CurrentUser user, long eventId, long entryId, Long organizationId) {
		writable(user, eventId);
		EntryRow entry = waiting(eventId, entryId);
		Long organization = organizationId != null ? organizationId : entry.organizationId();
		if (organization == null) {
			throw new BusinessRuleException("organizationId", "checkin.error.organizationMissing");
		}
		// through training's own path: the scope of the organization, duplicates, derived counts, rollups
		events.addParticipants(user, eventId,
				List.of(new ParticipantCommand(entry.fullName(), organization, entry.categoryCode(), null)));
		if (entry.organizationId() == null) {
			// the spelling did not resolve: keep the choice as its alias, as the import does
			organizations.addAliases(user, Map.of(entry.organizationText(), organization));
		}
		decide(user, entryId, EntryStatus.CONFIRMED, organization, null);
	}

	@Override
	@Transactional
	public int confirmAll(CurrentUser user, long eventId) {
		writable(user, eventId);
		List<EntryRow> waiting = jdbc.sql("""
				select e.id, e.full_name, e.name_key, e.organization_text, e.organization_id, e.category_code, e.phone,
				       e.submitted_at, e.status
				from checkin_entry e join checkin c on c.id = e.checkin_id
				where c.event_id = :event and e.status = 'NEW' and e.organization_id is not null
				order by e.id
				for update of e
				""")
			.param("event", eventId)
			.query((rs, n) -> new EntryRow(rs.getLong("id"), rs.getString("full_name"), rs.getString("name_key"),
					rs.getString("organization_text"), rs.getLong("organization_id"), rs.getString("category_code"),
					rs.getString("phone"), rs.getTimestamp("submitted_at").toLocalDateTime(), EntryStatus.NEW))
			.list();
		java.util.Set<String> listed = new java.util.HashSet<>();
		for (Participant p : events.participants(user, eventId)) {
			listed.add(Organizations.nameKey(p.fullName()) + "|" + p.organizationId());
		}
		List<ParticipantCommand> commands = new ArrayList<>();
		List<Long> ids = new ArrayList<>();
		for (EntryRow e : waiting) {
			// a person on the list, or a second entry of one: left for the methodologist to merge
			if (listed.add(e.nameKey() + "|" + e.organizationId())) {
				commands.add(new ParticipantCommand(e.fullName(), e.organizationId(), e.categoryCode(), null));
				ids.add(e.id());
			}
		}
		if (ids.isEmpty()) {
			return 0;
		}
		events.addParticipants(user, eventId, commands);
		jdbc.sql("update checkin_entry set status = 'CONFIRMED', decided_by = :user, decided_at = :now where id in (:ids)")
			.param("user", user.id())
			.param("now", localNow())
			.param("ids", ids)
			.update();
		return ids.size();
	}

	@Override
	@Transactional
	public void merge(CurrentUser user, long eventId, long entryId, long participantId) {
		writable(user, eventId);
		waiting(eventId, entryId);
		boolean onList = events.participants(user, eventId).stream().anyMatch(p -> p.id() == participantId);
		if (!onList) {
			throw new BusinessRuleException("participantId", "checkin.error.participantUnknown");
		}
		decide(user, entryId, EntryStatus.MERGED, null, participantId);
	}

	@Override
	@Transactional
	public void reject(CurrentUser user, long eventId, long entryId) {
		writable(user, eventId);
		waiting(eventId, entryId);
		decide(user, entryId, EntryStatus.REJECTED, null, null);
	}

	// ---- public

	static Optional<String> normalizedCode(String code) {
		if (code == null) {
			return Optional.empty();
		}
		String c = code.strip().replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
		return CODE.matcher(c).matches() ? Optional.of(c) : Optional.empty();
	}

	private Optional<Row> byCode(Optional<String> code) {
		return code.flatMap(c -> jdbc.sql("select id, event_id, code, closes_at from checkin where code = :code")
			.param("code", c)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("event_id"), rs.getString("code"),
					rs.getTimestamp("closes_at").toLocalDateTime()))
			.optional());
	}

	/** The region of an event's organizer ("/1/2/" of "/1/2/15/"): names are matched across it. */
	static String regionPath(String organizerPath) {
		String[] parts = organizerPath.split("/");
		// "", national id, region id, ...
		return parts.length >= 3 ? "/" + parts[1] + "/" + parts[2] + "/" : organizerPath;
	}

	@Override
	public Optional<PublicCheckin> byCode(String code) {
		Optional<Row> row = byCode(normalizedCode(code));
		if (row.isEmpty()) {
			return Optional.empty();
		}
		Optional<EventSummary> event = events.summary(row.get().eventId());
		if (event.isEmpty()) {
			return Optional.empty();
		}
		EventSummary e = event.get();
		String listed = e.districtId() == null ? null : organizations.info(e.districtId()).map(UnitInfo::path).orElse(null);
		List<UnitOption> options = organizations.primaryOrganizations(
				listed != null ? listed : regionPath(e.organizerPath()), MAX_LISTED_ORGANIZATIONS);
		return Optional.of(new PublicCheckin(row.get().code(), e.titleKk(), e.titleRu(), row.get().closesAt(),
				localNow().isBefore(row.get().closesAt()), options, catalog.categories()));
	}

	@Override
	public SubmitOutcome submit(String code, SelfCheckIn entry, String device) {
		Optional<Row> found = byCode(normalizedCode(code));
		if (found.isEmpty()) {
			return SubmitOutcome.of(SubmitOutcome.Status.NOT_FOUND);
		}
		Row checkin = found.get();
		if (!localNow().isBefore(checkin.closesAt())) {
			return SubmitOutcome.of(SubmitOutcome.Status.CLOSED);
		}
		if (device == null || !DEVICE.matcher(device).matches()) {
			return new SubmitOutcome(SubmitOutcome.Status.INVALID, Map.of("form", "checkin.error.reload"));
		}
		if (!limits.allow(checkin.id(), device)) {
			return SubmitOutcome.of(SubmitOutcome.Status.LIMITED);
		}
		String name = clean(entry.fullName());
		String organization = clean(entry.organization());
		String phone = clean(entry.phone());
		Map<String, String> errors = new LinkedHashMap<>();
		if (name.length() < 2 || name.length() > 300 || !LETTER.matcher(name).find()) {
			errors.put("fullName", "checkin.error.name");
		}
		if (organization.length() < 2 || organization.length() > 300) {
			errors.put("organization", "checkin.error.organization");
		}
		if (entry.categoryCode() == null || catalog.category(entry.categoryCode()).isEmpty()) {
			errors.put("categoryCode", "checkin.error.category");
		}
		if (!phone.isEmpty() && (!PHONE.matcher(phone).matches() || digits(phone) < 10 || digits(phone) > 15)) {
			errors.put("phone", "checkin.error.phone");
		}
		if (!errors.isEmpty()) {
			return new SubmitOutcome(SubmitOutcome.Status.INVALID, errors);
		}
		EventSummary event = events.summary(checkin.eventId()).orElseThrow();
		String region = regionPath(event.organizerPath());
		NameMatcher.Match match = matcher(region, false).resolve(organization, event.districtId());
		if (match.outcome() != NameMatcher.Outcome.FOUND) {
			// an alias or organization added within the minute: a spelling not found is looked up afresh
			match = matcher(region, true).resolve(organization, event.districtId());
		}
		Long organizationId = match.outcome() == NameMatcher.Outcome.FOUND ? match.id() : null;
		// One statement: the cap on a check-in's entries, and a form sent twice from one phone stored once.
		int stored = jdbc.sql("""
				insert into checkin_entry (checkin_id, full_name, name_key, organization_text, organization_id,
				    category_code, phone, device, submitted_at)
				select :checkin, :name, :key, :organization, :organizationId, :category, :phone, :device, :now
				where (select count(*) from checkin_entry where checkin_id = :checkin) < :max
				  and not exists (select 1 from checkin_entry
				      where checkin_id = :checkin and device = :device and name_key = :key)
				""")
			.param("checkin", checkin.id())
			.param("name", name)
			.param("key", Organizations.nameKey(name))
			.param("organization", organization)
			.param("organizationId", organizationId)
			.param("category", entry.categoryCode())
			.param("phone", phone.isEmpty() ? null : phone)
			.param("device", device)
			.param("now", localNow())
			.param("max", maxEntries)
			.update();
		if (stored == 0 && !sentBefore(checkin.id(), device, Organizations.nameKey(name))) {
			return SubmitOutcome.of(SubmitOutcome.Status.LIMITED);
		}
		return SubmitOutcome.of(SubmitOutcome.Status.SAVED);
	}

	/** The region's matcher, read at most a minute ago (or now, when {@code fresh}). */
	private NameMatcher matcher(String regionPath, boolean fresh) {
		long now = clock.millis();
		TimedMatcher cached = matchers.get(regionPath, p -> new TimedMatcher(organizations.nameMatcher(p), now));
		if (cached.readAt() != now && (fresh || now - cached.readAt() > MATCHER_MILLIS)) {
			cached = new TimedMatcher(organizations.nameMatcher(regionPath), now);
			matchers.put(regionPath, cached);
		}
		return cached.matcher();
	}

	private boolean sentBefore(long checkinId, String device, String key) {
		return jdbc.sql("select count(*) from checkin_entry where checkin_id = :checkin and device = :device and name_key = :key")
			.param("checkin", checkinId)
			.param("device", device)
			.param("key", key)
			.query(Long.class)
			.single() > 0;
	}

	private static int digits(String text) {
		return (int) text.chars().filter(Character::isDigit).count();
	}

	private static String clean(String text) {
		return text == null ? "" : text.strip().replaceAll("\\s+", " ");
	}
}
