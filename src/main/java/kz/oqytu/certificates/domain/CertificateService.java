package kz.oqytu.certificates.domain;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.certificates.CertificateCheck;
import kz.oqytu.certificates.Certificates;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.UnitInfo;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.NotFoundException;
import kz.oqytu.training.EventDetails;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.EventSummary;
import kz.oqytu.training.Participant;
import kz.oqytu.training.TrainingEvents;

/**
 * Issues, prints, revokes and verifies certificates of attendance. Every staff call goes through
 * training's scope check first ({@code TrainingEvents.details}: another region's event is refused),
 * and only writers (administrator, methodologist) issue or revoke. A certificate is issued the first
 * time it is printed; printing it again gives the same code.
 */
@Service
public class CertificateService implements Certificates {

	/** Participants on one certificates page. */
	public static final int PAGE_SIZE = 50;

	/**
	 * Certificates in one PDF: an event of 10 000 participants prints in parts of this many (a part is
	 * laid out in memory, a few seconds and some megabytes; the whole list at once would hold the
	 * server for minutes).
	 */
	public static final int PART_SIZE = 200;

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{22}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final TrainingEvents events;

	private final Organizations organizations;

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final Clock clock;

	private final int lookupsPerMinute;

	CertificateService(TrainingEvents events, Organizations organizations, JdbcClient jdbc, JdbcTemplate jdbcTemplate,
			Clock clock, @Value("${oqytu.certificates.lookups-per-minute:30}") int lookupsPerMinute) {
		this.events = events;
		this.organizations = organizations;
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.clock = clock;
		this.lookupsPerMinute = lookupsPerMinute;
	}

	/** A participant on the certificates page: their certificate's code when one is in force, their language choice. */
	public record Row(Participant participant, String code, String language) {
	}

	/** The certificates page of an event. */
	public record Overview(EventDetails event, Page<Row> rows, String eventLanguage, int parts, boolean printable) {
	}

	/** One certificate to print: what it says, its code and the language it is printed in. */
	public record Printed(String code, String language, CertificateCheck says) {
	}

	@Transactional(readOnly = true)
	public Overview overview(CurrentUser user, long eventId, int page) {
		EventDetails event = writable(user, eventId);
		Page<Participant> participants = events.participants(user, eventId, "", Math.max(0, page), PAGE_SIZE);
		List<Long> ids = participants.getContent().stream().map(Participant::id).toList();
		Map<Long, String> codes = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("select participant_id, code from certificate where event_id = :event and revoked_at is null"
					+ " and participant_id in (:ids)")
				.param("event", eventId)
				.param("ids", ids)
				.query(rs -> {
					codes.put(rs.getLong("participant_id"), rs.getString("code"));
				});
		}
		Map<Long, String> languages = languages(eventId);
		Page<Row> rows = participants
			.map(p -> new Row(p, codes.get(p.id()), languages.get(p.id())));
		int parts = (int) ((participants.getTotalElements() + PART_SIZE - 1) / PART_SIZE);
		return new Overview(event, rows, languages.getOrDefault(0L, "kk"), parts,
				event.status() == EventStatus.HELD && participants.getTotalElements() > 0);
	}

	/** One participant's certificate, issued now if none is in force. */
	@Transactional
	public Printed one(CurrentUser user, long eventId, long participantId) {
		EventDetails event = printable(user, eventId);
		Participant participant = events.participant(user, eventId, participantId)
			.orElseThrow(() -> new NotFoundException("participant " + participantId + " of event " + eventId));
		return issue(user, event, List.of(participant)).get(0);
	}

	/** Part {@code part} (from 0) of the event's certificates, {@link #PART_SIZE} participants by name, issued now where none is in force. */
	@Transactional
	public List<Printed> part(CurrentUser user, long eventId, int part) {
		EventDetails event = printable(user, eventId);
		if (part < 0) {
			throw new NotFoundException("part " + part);
		}
		List<Participant> participants = events.participants(user, eventId, "", part, PART_SIZE).getContent();
		if (participants.isEmpty()) {
			throw new NotFoundException("part " + part + " of event " + eventId);
		}
		return issue(user, event, participants);
	}

	/** Revokes the participant's certificate in force: its code answers 404 from now on. */
	@Transactional
	public void revoke(CurrentUser user, long eventId, long participantId) {
		writable(user, eventId);
		int revoked = jdbc.sql("update certificate set revoked_at = :now, revoked_by = :user"
				+ " where event_id = :event and participant_id = :participant and revoked_at is null")
			.param("now", Timestamp.from(clock.instant()))
			.param("user", user.id())
			.param("event", eventId)
			.param("participant", participantId)
			.update();
		if (revoked == 0) {
			throw new BusinessRuleException("certificates.revoke.none");
		}
	}

	/**
	 * The language certificates are printed in: the event's ({@code participantId} null; kk or ru), or
	 * one participant's own choice (kk, ru, or blank for the event's).
	 */
	@Transactional
	public void chooseLanguage(CurrentUser user, long eventId, Long participantId, String language) {
		writable(user, eventId);
		String lang = language == null ? "" : language.strip();
		if (!lang.equals("kk") && !lang.equals("ru") && !(participantId != null && lang.isEmpty())) {
			throw new BusinessRuleException("certificates.language.invalid");
		}
		long who = 0L;
		if (participantId != null) {
			who = events.participant(user, eventId, participantId)
				.orElseThrow(() -> new NotFoundException("participant " + participantId + " of event " + eventId))
				.id();
		}
		if (lang.isEmpty()) {
			jdbc.sql("delete from certificate_language where event_id = :event and participant_id = :who")
				.param("event", eventId).param("who", who).update();
			return;
		}
		jdbc.sql("insert into certificate_language (event_id, participant_id, language) values (:event, :who, :lang)"
				+ " on conflict (event_id, participant_id) do update set language = excluded.language")
			.param("event", eventId).param("who", who).param("lang", lang).update();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<CertificateCheck> verify(String code) {
		if (code == null || !CODE.matcher(code).matches()) {
			return Optional.empty();
		}
		return jdbc.sql("select full_name, title_kk, title_ru, starts_on, ends_on, academic_hours, organizer_kk, organizer_ru"
				+ " from certificate where code = :code and revoked_at is null")
			.param("code", code)
			.query((rs, n) -> new CertificateCheck(rs.getString("full_name"), rs.getString("title_kk"),
					rs.getString("title_ru"), rs.getObject("starts_on", LocalDate.class),
					rs.getObject("ends_on", LocalDate.class), rs.getBigDecimal("academic_hours"),
					rs.getString("organizer_kk"), rs.getString("organizer_ru")))
			.optional();
	}

	/**
	 * Counts a lookup of the verification page from a client address; false beyond the limit per
	 * minute. Codes are 128 random bits, so the limit is against load, not guessing; a seminar room
	 * behind one address checking its certificates stays well inside it.
	 */
	@Transactional
	public boolean allowLookup(String client) {
		String key = client == null ? "?" : client.length() > 64 ? client.substring(0, 64) : client;
		long minute = clock.millis() / 60_000;
		// The same statement clears out other addresses' rows of minutes gone by, so the table holds the
		// addresses of the last minute and not every address that ever looked (rows another lookup holds
		// are skipped, never waited for).
		int lookups = jdbc.sql("""
				with purge as (
				    delete from certificate_lookup_count where client in (
				        select client from certificate_lookup_count
				        where minute < :minute and client <> :client
				        for update skip locked))
				insert into certificate_lookup_count as c (client, minute, lookups) values (:client, :minute, 1)
				on conflict (client) do update
				    set lookups = case when c.minute = excluded.minute then c.lookups + 1 else 1 end, minute = excluded.minute
				returning lookups
				""")
			.param("client", key)
			.param("minute", minute)
			.query(Integer.class)
			.single();
		return lookups <= lookupsPerMinute;
	}

	private EventDetails writable(CurrentUser user, long eventId) {
		if (!user.writesTraining()) {
			throw new AccessDeniedException("certificates are issued by writers");
		}
		return events.details(user, eventId);
	}

	private EventDetails printable(CurrentUser user, long eventId) {
		EventDetails event = writable(user, eventId);
		if (event.status() != EventStatus.HELD) {
			throw new BusinessRuleException("certificates.notHeld");
		}
		return event;
	}

	/** Participant id → language; 0 → the event's. */
	private Map<Long, String> languages(long eventId) {
		Map<Long, String> languages = new HashMap<>();
		jdbc.sql("select participant_id, language from certificate_language where event_id = :event")
			.param("event", eventId)
			.query(rs -> {
				languages.put(rs.getLong("participant_id"), rs.getString("language"));
			});
		return languages;
	}

	private List<Printed> issue(CurrentUser user, EventDetails event, List<Participant> participants) {
		EventSummary summary = events.summary(event.id()).orElseThrow(() -> new NotFoundException("event " + event.id()));
		UnitInfo organizer = organizations.info(lastId(summary.organizerPath()))
			.orElseThrow(() -> new NotFoundException("organizer of event " + event.id()));
		Timestamp now = Timestamp.from(clock.instant());
		LocalDate startsOn = event.startsAt().toLocalDate();
		LocalDate endsOn = event.endsAt().toLocalDate();
		BigDecimal hours = event.academicHours();
		List<Object[]> rows = new ArrayList<>();
		for (Participant p : participants) {
			rows.add(new Object[] { newCode(), event.id(), p.id(), p.fullName(), event.titleKk(), event.titleRu(), startsOn,
					endsOn, hours, organizer.nameKk(), organizer.nameRu(), now, user.id() });
		}
		// a participant who has a certificate in force keeps it (and its code): nothing is inserted for them
		jdbcTemplate.batchUpdate("""
				insert into certificate (code, event_id, participant_id, full_name, title_kk, title_ru, starts_on, ends_on,
				    academic_hours, organizer_kk, organizer_ru, issued_at, issued_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (participant_id) where revoked_at is null do nothing
				""", rows);
		Map<Long, String> languages = languages(event.id());
		String eventLanguage = languages.getOrDefault(0L, "kk");
		Map<Long, Printed> byParticipant = new HashMap<>();
		jdbc.sql("select participant_id, code, full_name, title_kk, title_ru, starts_on, ends_on, academic_hours,"
				+ " organizer_kk, organizer_ru from certificate where event_id = :event and revoked_at is null"
				+ " and participant_id in (:ids)")
			.param("event", event.id())
			.param("ids", participants.stream().map(Participant::id).toList())
			.query(rs -> {
				long id = rs.getLong("participant_id");
				byParticipant.put(id, new Printed(rs.getString("code"), languages.getOrDefault(id, eventLanguage),
						new CertificateCheck(rs.getString("full_name"), rs.getString("title_kk"), rs.getString("title_ru"),
								rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
								rs.getBigDecimal("academic_hours"), rs.getString("organizer_kk"),
								rs.getString("organizer_ru"))));
			});
		return participants.stream().map(p -> byParticipant.get(p.id())).toList();
	}

	private static long lastId(String path) {
		String[] parts = path.split("/");
		return Long.parseLong(parts[parts.length - 1]);
	}

	/** 128 random bits, base64url without padding: 22 characters. */
	static String newCode() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
