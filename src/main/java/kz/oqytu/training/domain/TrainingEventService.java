package kz.oqytu.training.domain;

import java.math.BigDecimal;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.Scopes;
import kz.oqytu.organizations.UnitInfo;
import kz.oqytu.organizations.UnitOption;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.ConflictException;
import kz.oqytu.shared.NotFoundException;
import kz.oqytu.training.ActiveMethod;
import kz.oqytu.training.CatalogItem;
import kz.oqytu.training.EventCommand;
import kz.oqytu.training.EventCriteria;
import kz.oqytu.training.EventListing;
import kz.oqytu.training.EventDetails;
import kz.oqytu.training.EventRow;
import kz.oqytu.training.EventScheduled;
import kz.oqytu.training.EventSummary;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.Participant;
import kz.oqytu.training.ParticipantCommand;
import kz.oqytu.training.TrainingCatalog;
import kz.oqytu.training.TrainingEvents;
import kz.oqytu.training.TrainingFiguresChanged;
import kz.oqytu.training.VenueKind;
import java.time.Clock;

@Service
class TrainingEventService implements TrainingEvents {

	static final int MAX_HEAD_COUNT = 100_000;

	private static final Map<EventCriteria.Sort, String> SORT_COLUMNS = Map.of(
			EventCriteria.Sort.DATE, "e.starts_at",
			EventCriteria.Sort.TITLE, "lower(e.title_kk)",
			EventCriteria.Sort.FORM, "e.form_code",
			EventCriteria.Sort.DISTRICT, "lower(d.name_kk)",
			EventCriteria.Sort.PARTICIPANTS, "participants",
			EventCriteria.Sort.STATUS, "e.status");

	private static final String ROW_COLUMNS = """
			e.id, e.title_kk, e.title_ru, e.form_code, e.starts_at, e.ends_at, e.district_id,
			d.name_kk as d_kk, d.name_ru as d_ru, e.status,
			coalesce((select sum(a.participants) from attendance_count a where a.event_id = e.id), 0) as participants,
			(select string_agg(t.topic_code, ',' order by t.topic_code) from training_event_topic t where t.event_id = e.id) as topics
			""";

	private static final String ROW_FROM = """
			 from training_event e
			 join organizations_v_unit o on o.id = e.organizer_unit_id
			 left join organizations_v_unit d on d.id = e.district_id
			""";

	private final TrainingEventRepository events;

	private final Organizations organizations;

	private final TrainingCatalog catalog;

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final TrainingProperties properties;

	private final jakarta.persistence.EntityManager entityManager;

	private final org.springframework.context.ApplicationEventPublisher publisher;

	private final Clock clock;

	TrainingEventService(TrainingEventRepository events, Organizations organizations, TrainingCatalog catalog,
			JdbcClient jdbc, JdbcTemplate jdbcTemplate, TrainingProperties properties,
			jakarta.persistence.EntityManager entityManager,
			org.springframework.context.ApplicationEventPublisher publisher, Clock clock) {
		this.clock = clock;
		this.entityManager = entityManager;
		this.publisher = publisher;
		this.events = events;
		this.organizations = organizations;
		this.catalog = catalog;
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.properties = properties;
	}

	// ---- reading

	@Override
	@Transactional(readOnly = true)
	public Page<EventRow> search(CurrentUser user, EventCriteria c) {
		requireStaff(user);
		return search(user.scopePath(), c);
	}

	@Override
	@Transactional(readOnly = true)
	public EventListing listing(CurrentUser user, EventCriteria c) {
		requireStaff(user);
		return new EventListing(search(user.scopePath(), c), years(user), organizations.committees(user));
	}

	/** The list's statements for a subtree, without the user: the page and the bench baseline share them. */
	Page<EventRow> search(String scopePath, EventCriteria c) {
		Map<String, Object> params = new HashMap<>();
		String where = where(scopePath, c, params);
		String order = " order by " + SORT_COLUMNS.get(c.sort()) + (c.descending() ? " desc nulls last" : " asc nulls last")
				+ ", e.starts_at desc, e.id desc";
		params.put("limit", c.size());
		params.put("offset", (long) c.page() * c.size());
		// The total rides along with the page (a window count): one statement instead of two.
		long[] total = { -1 };
		List<EventRow> rows = jdbc.sql("select " + ROW_COLUMNS + ", count(*) over () as total" + ROW_FROM + where + order
				+ " limit :limit offset :offset")
			.params(params)
			.query((rs, n) -> {
				total[0] = rs.getLong("total");
				return row(rs, n);
			})
			.list();
		if (total[0] < 0) {
			// a page past the end has no rows to carry the total
			total[0] = jdbc.sql("select count(*)" + ROW_FROM + where).params(params).query(Long.class).single();
		}
		return new PageImpl<>(rows, PageRequest.of(c.page(), c.size()), total[0]);
	}

	/** The WHERE clause of the filters over {@code e} (event) and {@code o} (its organizer), and its parameters. */
	static String where(String scopePath, EventCriteria c, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" where " + Scopes.within("o.path", "scope"));
		params.put("scope", Scopes.prefix(scopePath));
		if (c.year() != null) {
			LocalDate from = c.month() != null ? LocalDate.of(c.year(), c.month(), 1) : LocalDate.of(c.year(), 1, 1);
			LocalDate to = c.month() != null ? from.plusMonths(1) : from.plusYears(1);
			where.append(" and e.starts_at >= :from and e.starts_at < :to");
			params.put("from", from.atStartOfDay());
			params.put("to", to.atStartOfDay());
		}
		else if (c.month() != null) {
			where.append(" and extract(month from e.starts_at) = :month");
			params.put("month", c.month());
		}
		if (c.districtId() != null) {
			where.append(" and e.district_id = :district");
			params.put("district", c.districtId());
		}
		if (c.formCode() != null) {
			where.append(" and e.form_code = :form");
			params.put("form", c.formCode());
		}
		if (c.topicCode() != null) {
			where.append(" and exists (select 1 from training_event_topic t where t.event_id = e.id and t.topic_code = :topic)");
			params.put("topic", c.topicCode());
		}
		if (c.status() != null) {
			where.append(" and e.status = :status");
			params.put("status", c.status().name());
		}
		if (c.categoryCode() != null) {
			where.append(" and exists (select 1 from attendance_count a where a.event_id = e.id"
					+ " and a.category_code = :category and a.participants > 0)");
			params.put("category", c.categoryCode());
		}
		if (c.text() != null) {
			where.append(" and (lower(e.title_kk) like :text or lower(coalesce(e.title_ru, '')) like :text)");
			params.put("text", "%" + escapeLike(c.text().toLowerCase(java.util.Locale.ROOT)) + "%");
		}
		return where.toString();
	}

	@Override
	@Transactional(readOnly = true)
	public List<EventRow> month(CurrentUser user, YearMonth month) {
		requireStaff(user);
		return jdbc.sql("select " + ROW_COLUMNS + ROW_FROM
				+ " where " + Scopes.within("o.path", "scope") + " and e.starts_at < :to and e.ends_at >= :from order by e.starts_at, e.id")
			.param("scope", Scopes.prefix(user.scopePath()))
			.param("from", month.atDay(1).atStartOfDay())
			.param("to", month.plusMonths(1).atDay(1).atStartOfDay())
			.query(TrainingEventService::row)
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Integer> years(CurrentUser user) {
		// A skip scan over the start-date index: the first event of the scope from each 1 January on,
		// a dozen short index probes instead of reading every event (150 000 nationally).
		return jdbc.sql("""
				with recursive y (year) as (
				    select extract(year from (select e.starts_at from training_event e
				        join organizations_v_unit o on o.id = e.organizer_unit_id
				        where %1$s order by e.starts_at limit 1))::int
				    union all
				    select extract(year from (select e.starts_at from training_event e
				        join organizations_v_unit o on o.id = e.organizer_unit_id
				        where %1$s and e.starts_at >= make_date(y.year + 1, 1, 1)
				        order by e.starts_at limit 1))::int
				    from y where y.year is not null)
				select year from y where year is not null order by year desc
				""".formatted(Scopes.within("o.path", "scope")))
			.param("scope", Scopes.prefix(user.scopePath()))
			.query(Integer.class)
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public java.util.Optional<EventSummary> summary(long id) {
		return summaries(List.of(id)).values().stream().findFirst();
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, EventSummary> summaries(java.util.Collection<Long> ids) {
		Map<Long, EventSummary> result = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return result;
		}
		jdbc.sql("""
				select e.id, e.title_kk, e.title_ru, e.form_code, e.starts_at, e.ends_at, e.status, o.path, e.district_id,
				       coalesce((select sum(a.participants) from attendance_count a where a.event_id = e.id), 0) as participants
				from training_event e join organizations_v_unit o on o.id = e.organizer_unit_id where e.id = any(:ids)
				""")
			.param("ids", ids.toArray(new Long[0]))
			.query(rs -> {
				LocalDateTime starts = rs.getTimestamp("starts_at").toLocalDateTime();
				LocalDateTime ends = rs.getTimestamp("ends_at").toLocalDateTime();
				result.put(rs.getLong("id"), new EventSummary(rs.getLong("id"), rs.getString("title_kk"),
						rs.getString("title_ru"), rs.getString("form_code"), starts, ends,
						EventStatus.valueOf(rs.getString("status")), rs.getString("path"), (Long) rs.getObject("district_id"),
						rs.getLong("participants"), isShort(starts, ends)));
			});
		return result;
	}

	private static EventRow row(ResultSet rs, int n) throws SQLException {
		String topics = rs.getString("topics");
		return new EventRow(rs.getLong("id"), rs.getString("title_kk"), rs.getString("title_ru"),
				rs.getString("form_code"), rs.getTimestamp("starts_at").toLocalDateTime(),
				rs.getTimestamp("ends_at").toLocalDateTime(), (Long) rs.getObject("district_id"),
				rs.getString("d_kk"), rs.getString("d_ru"), EventStatus.valueOf(rs.getString("status")),
				rs.getLong("participants"), topics == null ? List.of() : Arrays.asList(topics.split(",")));
	}

	@Override
	@Transactional(readOnly = true)
	public EventDetails details(CurrentUser user, long id) {
		requireStaff(user);
		TrainingEvent e = readable(user, id);
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (CatalogItem category : catalog.categories()) {
			counts.put(category.code(), e.getHeadCounts().getOrDefault(category.code(), 0));
		}
		UnitInfo district = e.getDistrictId() == null ? null : organizations.info(e.getDistrictId()).orElse(null);
		UnitInfo host = e.getHostOrganizationId() == null ? null
				: organizations.info(e.getHostOrganizationId()).orElse(null);
		int named = jdbc.sql("select count(*) from event_participant where event_id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
		return new EventDetails(e.getId(), e.getTitleKk(), e.getTitleRu(), e.getFormCode(), Set.copyOf(e.getTopics()),
				e.getStartsAt(), e.getEndsAt(), e.getAcademicHours(), e.getVenueKind(), e.getDistrictId(),
				district == null ? null : district.nameKk(), district == null ? null : district.nameRu(),
				e.getHostOrganizationId(), host == null ? null : host.nameKk(), host == null ? null : host.nameRu(),
				e.getVenueDetails(), e.getTrainers(), e.getMethods().isEmpty() ? Set.of() : EnumSet.copyOf(e.getMethods()),
				e.getAnnouncementUrl(), e.getNotes(), e.getStatus(), counts, named,
				isShort(e.getStartsAt(), e.getEndsAt()), e.getVersion());
	}

	boolean isShort(LocalDateTime startsAt, LocalDateTime endsAt) {
		long days = ChronoUnit.DAYS.between(startsAt.toLocalDate(), endsAt.toLocalDate()) + 1;
		return days <= properties.shortFormatMaxDays();
	}

	// ---- writing

	@Override
	@Transactional
	public long create(CurrentUser user, EventCommand command) {
		requireWriter(user);
		Placement placement = validate(user, command);
		TrainingEvent event = new TrainingEvent(placement.organizerId());
		describe(event, command, placement);
		if (command.headCounts() != null) {
			event.setHeadCounts(checkedCounts(command.headCounts()));
		}
		long id = events.saveAndFlush(event).getId();
		publisher.publishEvent(new EventScheduled(id, event.getStartsAt(), event.getEndsAt(), event.getStatus(), true));
		publisher.publishEvent(TrainingFiguresChanged.created(id, event.getOrganizerUnitId(), event.getStartsAt().getYear()));
		return id;
	}

	@Override
	@Transactional
	public void update(CurrentUser user, long id, int version, EventCommand command) {
		requireWriter(user);
		TrainingEvent event = readable(user, id);
		if (event.getVersion() != version) {
			throw new ConflictException("event " + id);
		}
		Placement placement = validate(user, command);
		long organizerBefore = event.getOrganizerUnitId();
		int yearBefore = event.getStartsAt().getYear();
		describe(event, command, placement);
		if (command.headCounts() != null && !hasNamedList(id)) {
			event.setHeadCounts(notBelowRecorded(id, checkedCounts(command.headCounts())));
		}
		flush(event, id);
		publisher.publishEvent(new EventScheduled(id, event.getStartsAt(), event.getEndsAt(), event.getStatus(), false));
		publisher.publishEvent(new TrainingFiguresChanged(id, organizerBefore, yearBefore, event.getOrganizerUnitId(),
				event.getStartsAt().getYear()));
	}

	@Override
	@Transactional
	public void cancel(CurrentUser user, long id, int version) {
		requireWriter(user);
		TrainingEvent event = readable(user, id);
		if (event.getVersion() != version) {
			throw new ConflictException("event " + id);
		}
		event.cancel();
		flush(event, id);
		publisher.publishEvent(new EventScheduled(id, event.getStartsAt(), event.getEndsAt(), event.getStatus(), false));
		figuresChanged(event);
	}

	@Override
	@Transactional
	public void recordHeadCounts(CurrentUser user, long id, Map<String, Integer> headCounts) {
		requireWriter(user);
		TrainingEvent event = readable(user, id);
		if (hasNamedList(id)) {
			throw new BusinessRuleException("training.error.countsFromList");
		}
		event.setHeadCounts(notBelowRecorded(id, checkedCounts(headCounts)));
		flush(event, id);
		figuresChanged(event);
	}

	/** The rollups of the reports module follow (issue 17): the event stayed where it was counted. */
	private void figuresChanged(TrainingEvent event) {
		publisher.publishEvent(TrainingFiguresChanged.in(event.getId(), event.getOrganizerUnitId(),
				event.getStartsAt().getYear()));
	}

	private void flush(TrainingEvent event, long id) {
		try {
			events.saveAndFlush(event);
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			throw new ConflictException("event " + id);
		}
	}

	private record Placement(long organizerId, Long districtId, Long hostId) {
	}

	private Placement validate(CurrentUser user, EventCommand c) {
		if (c.titleKk() == null || c.titleKk().isBlank()) {
			throw new BusinessRuleException("titleKk", "validation.required");
		}
		if (c.formCode() == null || catalog.form(c.formCode()).isEmpty()) {
			throw new BusinessRuleException("formCode", "training.error.formUnknown");
		}
		if (c.topicCodes() == null || c.topicCodes().isEmpty()) {
			throw new BusinessRuleException("topicCodes", "training.error.topicRequired");
		}
		for (String topic : c.topicCodes()) {
			if (catalog.topic(topic).isEmpty()) {
				throw new BusinessRuleException("topicCodes", "training.error.topicUnknown");
			}
		}
		if (c.startsAt() == null) {
			throw new BusinessRuleException("startsAt", "validation.required");
		}
		if (c.endsAt() == null) {
			throw new BusinessRuleException("endsAt", "validation.required");
		}
		if (c.endsAt().isBefore(c.startsAt())) {
			throw new BusinessRuleException("endsAt", "training.error.endsBeforeStart");
		}
		if (c.startsAt().getYear() < 2000 || c.endsAt().getYear() > LocalDate.now(clock).getYear() + 5) {
			throw new BusinessRuleException("startsAt", "training.error.dateOutOfRange");
		}
		if (c.academicHours() == null || c.academicHours().signum() <= 0
				|| c.academicHours().compareTo(BigDecimal.valueOf(999)) > 0) {
			throw new BusinessRuleException("academicHours", "training.error.hoursInvalid");
		}
		if (c.status() == null) {
			throw new BusinessRuleException("status", "validation.required");
		}
		if (c.status() == EventStatus.HELD && c.startsAt().toLocalDate().isAfter(LocalDate.now(clock))) {
			throw new BusinessRuleException("status", "training.error.heldInFuture");
		}
		if (c.venueKind() == null) {
			throw new BusinessRuleException("venueKind", "validation.required");
		}
		if (c.announcementUrl() != null && !c.announcementUrl().isBlank() && !isWebAddress(c.announcementUrl())) {
			throw new BusinessRuleException("announcementUrl", "training.error.urlInvalid");
		}
		Long districtId = c.districtId();
		Long hostId = null;
		if (c.venueKind() == VenueKind.ON_SITE) {
			if (c.hostOrganizationId() == null) {
				throw new BusinessRuleException("hostOrganizationId", "training.error.hostRequired");
			}
			UnitInfo host = organizations.info(c.hostOrganizationId())
				.filter(UnitInfo::isPrimary)
				.filter(u -> user.covers(u.path()))
				.orElseThrow(() -> new BusinessRuleException("hostOrganizationId", "training.error.hostUnknown"));
			hostId = host.id();
			districtId = host.parentId();
		}
		else if (c.venueKind() == VenueKind.COMMITTEE_PREMISES && districtId == null) {
			throw new BusinessRuleException("districtId", "training.error.districtRequired");
		}
		String anchorPath = null;
		if (districtId != null) {
			UnitInfo district = organizations.info(districtId)
				.filter(UnitInfo::isCommittee)
				.filter(u -> user.covers(u.path()) || user.scopePath().startsWith(u.path()))
				.orElseThrow(() -> new BusinessRuleException("districtId", "organizations.error.districtUnknown"));
			anchorPath = district.path();
		}
		long organizer = regionId(anchorPath != null ? anchorPath : user.scopePath())
			.orElseGet(() -> organizations.regionOf(user).map(UnitOption::id).orElseThrow());
		return new Placement(organizer, districtId, hostId);
	}

	private static java.util.Optional<Long> regionId(String path) {
		String[] parts = path.split("/");
		// "/1/2/15/" splits to ["", "1", "2", "15"]: the region is the second node.
		return parts.length >= 3 ? java.util.Optional.of(Long.parseLong(parts[2])) : java.util.Optional.empty();
	}

	private static boolean isWebAddress(String url) {
		try {
			URI uri = new URI(url.trim());
			return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null && url.length() <= 500;
		}
		catch (java.net.URISyntaxException ex) {
			return false;
		}
	}

	private void describe(TrainingEvent event, EventCommand c, Placement p) {
		event.describe(c.titleKk().trim(), blankToNull(c.titleRu()), c.formCode(), c.topicCodes(), c.startsAt(),
				c.endsAt(), c.academicHours(), c.venueKind(), p.districtId(), p.hostId(), blankToNull(c.venueDetails()),
				blankToNull(c.trainers()), c.methods() == null ? Set.of() : c.methods(),
				blankToNull(c.announcementUrl()), blankToNull(c.notes()), c.status());
	}

	private Map<String, Integer> checkedCounts(Map<String, Integer> counts) {
		Map<String, Integer> checked = new HashMap<>();
		for (Map.Entry<String, Integer> entry : counts.entrySet()) {
			if (catalog.category(entry.getKey()).isEmpty()) {
				// (Object): two Strings would pick the (field, messageKey, ...) constructor
				throw new BusinessRuleException("training.error.categoryUnknown", (Object) entry.getKey());
			}
			Integer n = entry.getValue();
			if (n != null && (n < 0 || n > MAX_HEAD_COUNT)) {
				throw new BusinessRuleException("headCounts[" + entry.getKey() + "]", "training.error.countInvalid");
			}
			checked.put(entry.getKey(), n == null ? 0 : n);
		}
		return checked;
	}

	/** A head count may not fall below what is recorded per organization for its category (decision 19). */
	private Map<String, Integer> notBelowRecorded(long eventId, Map<String, Integer> counts) {
		jdbc.sql("select category_code, sum(participants) as recorded from attendance_org_count where event_id = :event"
				+ " group by category_code")
			.param("event", eventId)
			.query(rs -> {
				String code = rs.getString("category_code");
				long recorded = rs.getLong("recorded");
				if (counts.getOrDefault(code, 0) < recorded) {
					CatalogItem c = catalog.category(code).orElseThrow();
					throw new BusinessRuleException("headCounts[" + code + "]", "orgcounts.error.belowRecorded",
							c.nameKk(), c.nameRu(), c.nameEn(), counts.getOrDefault(code, 0), recorded);
				}
			});
		return counts;
	}

	// ---- named participants

	@Override
	@Transactional(readOnly = true)
	public List<Participant> participants(CurrentUser user, long eventId) {
		requireStaff(user);
		readable(user, eventId);
		return jdbc.sql("""
				select p.id, p.full_name, p.organization_id, o.name_kk, o.name_ru, p.category_code, p.position
				from event_participant p join organizations_v_unit o on o.id = p.organization_id
				where p.event_id = :event order by p.full_name, p.id
				""")
			.param("event", eventId)
			.query((rs, n) -> new Participant(rs.getLong("id"), rs.getString("full_name"), rs.getLong("organization_id"),
					rs.getString("name_kk"), rs.getString("name_ru"), rs.getString("category_code"), rs.getString("position")))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public java.util.Optional<Participant> participant(CurrentUser user, long eventId, long participantId) {
		requireStaff(user);
		readable(user, eventId);
		return jdbc.sql("""
				select p.id, p.full_name, p.organization_id, o.name_kk, o.name_ru, p.category_code, p.position
				from event_participant p join organizations_v_unit o on o.id = p.organization_id
				where p.event_id = :event and p.id = :participant
				""")
			.param("event", eventId)
			.param("participant", participantId)
			.query((rs, n) -> new Participant(rs.getLong("id"), rs.getString("full_name"), rs.getLong("organization_id"),
					rs.getString("name_kk"), rs.getString("name_ru"), rs.getString("category_code"), rs.getString("position")))
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public Page<Participant> participants(CurrentUser user, long eventId, String search, int page, int size) {
		requireStaff(user);
		readable(user, eventId);
		String q = search == null ? "" : search.strip();
		Map<String, Object> params = new HashMap<>();
		params.put("event", eventId);
		params.put("q", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		params.put("limit", size);
		params.put("offset", (long) page * size);
		String where = " from event_participant p join organizations_v_unit o on o.id = p.organization_id where p.event_id = :event"
				+ (q.isEmpty() ? "" : " and (p.full_name ilike :q or o.name_kk ilike :q or o.name_ru ilike :q)");
		// the total rides along with the page (a window count), as in the event list
		long[] total = { -1 };
		List<Participant> rows = jdbc.sql("select p.id, p.full_name, p.organization_id, o.name_kk, o.name_ru,"
				+ " p.category_code, p.position, count(*) over () as total" + where
				+ " order by p.full_name, p.id limit :limit offset :offset")
			.params(params)
			.query((rs, n) -> {
				total[0] = rs.getLong("total");
				return new Participant(rs.getLong("id"), rs.getString("full_name"), rs.getLong("organization_id"),
						rs.getString("name_kk"), rs.getString("name_ru"), rs.getString("category_code"),
						rs.getString("position"));
			})
			.list();
		if (total[0] < 0) {
			total[0] = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
		}
		return new PageImpl<>(rows, PageRequest.of(page, size), total[0]);
	}

	/** Rows of a named list sent to PostgreSQL in one JDBC batch. */
	static final int INSERT_BATCH = 1_000;

	@Override
	@Transactional
	public int addParticipants(CurrentUser user, long eventId, List<ParticipantCommand> list) {
		requireWriter(user);
		TrainingEvent event = readable(user, eventId);
		Set<String> seen = new HashSet<>();
		jdbc.sql("select name_key, organization_id from event_participant where event_id = :event")
			.param("event", eventId)
			.query(rs -> {
				seen.add(rs.getString("name_key") + "|" + rs.getLong("organization_id"));
			});
		Map<Long, UnitInfo> units = organizations.infos(list.stream().map(ParticipantCommand::organizationId).distinct().toList());
		List<Object[]> batch = new ArrayList<>(list.size());
		for (int i = 0; i < list.size(); i++) {
			ParticipantCommand p = list.get(i);
			String name = p.fullName() == null ? "" : p.fullName().strip().replaceAll("\\s+", " ");
			if (name.isEmpty() || name.length() > 300) {
				throw new BusinessRuleException("participants[" + i + "].fullName", "training.error.nameInvalid", i + 1);
			}
			if (catalog.category(p.categoryCode()).isEmpty()) {
				throw new BusinessRuleException("participants[" + i + "].categoryCode", "training.error.categoryUnknown",
						p.categoryCode());
			}
			UnitInfo unit = units.get(p.organizationId());
			if (unit == null || !(unit.isPrimary() || unit.isCommittee()) || !user.covers(unit.path())) {
				throw new BusinessRuleException("participants[" + i + "].organizationId",
						"training.error.organizationUnknown", p.organizationId());
			}
			String key = nameKey(name);
			if (!seen.add(key + "|" + p.organizationId())) {
				throw new BusinessRuleException("participants[" + i + "].fullName", "training.error.duplicatePerson",
						name);
			}
			String position = p.position() == null || p.position().isBlank() ? null : p.position().strip();
			if (position != null && position.length() > 200) {
				throw new BusinessRuleException("participants[" + i + "].position", "validation.tooLong");
			}
			batch.add(new Object[] { eventId, name, key, p.organizationId(), p.categoryCode(), position });
		}
		// In batches of INSERT_BATCH rows: the driver holds a batch's parameters, encoded, until it is sent,
		// and a list of 100 000 people sent as one batch held ~90 MB of them (bench S8, decision 0048).
		for (int from = 0; from < batch.size(); from += INSERT_BATCH) {
			jdbcTemplate.batchUpdate("insert into event_participant (id, event_id, full_name, name_key, organization_id,"
					+ " category_code, position) values (nextval('event_participant_seq'), ?, ?, ?, ?, ?, ?)",
					batch.subList(from, Math.min(batch.size(), from + INSERT_BATCH)));
		}
		deriveHeadCounts(eventId);
		// The counts and version changed in SQL: reload them so this transaction sees them too.
		entityManager.refresh(event);
		figuresChanged(event);
		return batch.size();
	}

	@Override
	@Transactional
	public void removeParticipant(CurrentUser user, long eventId, long participantId) {
		requireWriter(user);
		TrainingEvent event = readable(user, eventId);
		int removed = jdbc.sql("delete from event_participant where id = :id and event_id = :event")
			.param("id", participantId)
			.param("event", eventId)
			.update();
		if (removed == 0) {
			throw new NotFoundException("participant " + participantId);
		}
		deriveHeadCounts(eventId);
		entityManager.refresh(event);
		figuresChanged(event);
	}

	/** With a named list, the head counts are the list counted by category. */
	private void deriveHeadCounts(long eventId) {
		jdbc.sql("delete from attendance_count where event_id = :event").param("event", eventId).update();
		jdbc.sql("""
				insert into attendance_count (event_id, category_code, participants)
				select event_id, category_code, count(*) from event_participant where event_id = :event
				group by event_id, category_code
				""").param("event", eventId).update();
		jdbc.sql("update training_event set version = version + 1, updated_at = :now where id = :event")
			.param("now", java.time.OffsetDateTime.now(clock))
			.param("event", eventId)
			.update();
	}

	private boolean hasNamedList(long eventId) {
		return jdbc.sql("select exists (select 1 from event_participant where event_id = :event)")
			.param("event", eventId)
			.query(Boolean.class)
			.single();
	}

	static String nameKey(String name) {
		return Organizations.nameKey(name);
	}

	// ---- scope

	private TrainingEvent readable(CurrentUser user, long id) {
		TrainingEvent event = events.findById(id).orElseThrow(() -> new NotFoundException("event " + id));
		String organizerPath = organizations.info(event.getOrganizerUnitId()).map(UnitInfo::path).orElse("/none/");
		if (!user.covers(organizerPath)) {
			throw new AccessDeniedException("event " + id + " is outside the user's scope");
		}
		return event;
	}

	private static void requireStaff(CurrentUser user) {
		if (!user.isStaff()) {
			throw new AccessDeniedException("staff only");
		}
	}

	private static void requireWriter(CurrentUser user) {
		if (!user.writesTraining()) {
			throw new AccessDeniedException("read-only role");
		}
	}

	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
