package kz.oqytu.training.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.Scopes;
import kz.oqytu.training.CalendarEntry;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingCalendar;
import kz.oqytu.training.VenueKind;

/**
 * Which events a union body's calendar carries, in one statement (see {@link TrainingCalendar} for the
 * rule; for a primary organization it is the chair's portal's, {@code MonitoringQueries.events}).
 */
@Service
class TrainingCalendarService implements TrainingCalendar {

	private static final String COLUMNS = """
			select e.id, e.title_kk, e.title_ru, e.form_code, e.starts_at, e.ends_at, e.academic_hours, e.venue_kind,
			       d.name_kk as d_kk, d.name_ru as d_ru, h.name_kk as h_kk, h.name_ru as h_ru, e.venue_details,
			       e.trainers, e.announcement_url, e.status, e.version, e.updated_at, r.path as organizer_path,
			       (select string_agg(t.topic_code, ',' order by t.topic_code)
			        from training_event_topic t where t.event_id = e.id) as topics
			from training_event e
			join organizations_v_unit r on r.id = e.organizer_unit_id
			left join organizations_v_unit d on d.id = e.district_id
			left join organizations_v_unit h on h.id = e.host_organization_id
			""";

	/**
	 * The event is open to the body {@code b} (id {@code :unit}, path, level). Its people recorded there:
	 * named, or counted for it (the on-site rule is the host line); read from the tables rather than
	 * {@code training_v_org_attendance}, as one hashed set instead of a probe of the view per event.
	 */
	private static final String OPEN_TO = """
			(%s
			 or %s
			 or %s
			 or %s
			 or (e.district_id is null and %s)
			 or (b.level = 'PRIMARY' and e.id in (select p.event_id from event_participant p where p.organization_id = :unit
			                                      union all
			                                      select c.event_id from attendance_org_count c where c.organization_id = :unit)))
			""".formatted(
					Scopes.under("d.path", "b.path"), // its district lies in the body's subtree,
					Scopes.under("b.path", "d.path"), // or the body in its district's,
					Scopes.under("h.path", "b.path"), // its host in the body's subtree,
					Scopes.under("r.path", "b.path"), // its organizer in the body's subtree,
					Scopes.under("b.path", "r.path")); // or (regional level) the body in the organizer's

	/**
	 * Events longer than this are not looked for before the window: the start index then reads about two
	 * months of the country's events, not a year (seminars last days).
	 */
	private static final int LONGEST_EVENT_DAYS = 31;

	private final JdbcClient jdbc;

	TrainingCalendarService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<CalendarEntry> openTo(long unitId, LocalDateTime from, LocalDateTime until, int limit) {
		return jdbc.sql(COLUMNS + """
				join organizations_v_unit b on b.id = :unit
				where e.starts_at >= :earliest and e.starts_at < :until and e.ends_at >= :from
				  and """ + OPEN_TO + """
				order by e.starts_at, e.id
				limit :limit
				""")
			.param("unit", unitId)
			.param("earliest", from.minusDays(LONGEST_EVENT_DAYS))
			.param("from", from)
			.param("until", until)
			.param("limit", limit)
			.query(TrainingCalendarService::entry)
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<CalendarEntry> entry(CurrentUser user, long eventId) {
		if (user.isStaff()) {
			// staff read the events their scope organizes, as on the event page
			return jdbc.sql(COLUMNS + " where e.id = :id and " + Scopes.under("r.path", ":scope"))
				.param("id", eventId)
				.param("scope", user.scopePath())
				.query(TrainingCalendarService::entry)
				.optional();
		}
		return jdbc.sql(COLUMNS + " join organizations_v_unit b on b.id = :unit where e.id = :id and " + OPEN_TO)
			.param("id", eventId)
			.param("unit", user.scopeUnitId())
			.query(TrainingCalendarService::entry)
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public Instant lastChange() {
		OffsetDateTime last = jdbc.sql("select max(updated_at) as last from training_event")
			.query((rs, n) -> rs.getObject("last", OffsetDateTime.class))
			.list()
			.get(0);
		return last == null ? null : last.toInstant();
	}

	@Override
	@Transactional(readOnly = true)
	public long changeCount() {
		return jdbc.sql("select case when is_called then last_value else 0 end from training_event_change_seq")
			.query(Long.class)
			.single();
	}

	private static CalendarEntry entry(ResultSet rs, int n) throws SQLException {
		String topics = rs.getString("topics");
		return new CalendarEntry(rs.getLong("id"), rs.getString("title_kk"), rs.getString("title_ru"),
				rs.getString("form_code"), topics == null ? List.of() : Arrays.asList(topics.split(",")),
				rs.getObject("starts_at", LocalDateTime.class), rs.getObject("ends_at", LocalDateTime.class),
				rs.getBigDecimal("academic_hours"), VenueKind.valueOf(rs.getString("venue_kind")), rs.getString("d_kk"),
				rs.getString("d_ru"), rs.getString("h_kk"), rs.getString("h_ru"), rs.getString("venue_details"),
				rs.getString("trainers"), rs.getString("announcement_url"), EventStatus.valueOf(rs.getString("status")),
				rs.getInt("version"), rs.getObject("updated_at", OffsetDateTime.class).toInstant());
	}
}
