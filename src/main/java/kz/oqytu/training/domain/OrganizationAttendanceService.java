package kz.oqytu.training.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.UnitInfo;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.ConflictException;
import kz.oqytu.shared.NotFoundException;
import kz.oqytu.training.CatalogItem;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.OrganizationAttendance;
import kz.oqytu.training.OrganizationCountCommand;
import kz.oqytu.training.OrganizationCounts;
import kz.oqytu.training.TrainingCatalog;
import kz.oqytu.training.VenueKind;

/**
 * Head counts per organization (decision 19). The figures are read back through the same views
 * the reports use, so the event page shows exactly what the portal and monitoring count.
 */
@Service
class OrganizationAttendanceService implements OrganizationAttendance {

	/** More organizations than this at one event are a typing accident, not a seminar. */
	static final int MAX_ROWS = 700;

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final Organizations organizations;

	private final TrainingCatalog catalog;

	private final Clock clock;

	private final jakarta.persistence.EntityManager entityManager;

	private final org.springframework.context.ApplicationEventPublisher publisher;

	OrganizationAttendanceService(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Organizations organizations,
			TrainingCatalog catalog, Clock clock, jakarta.persistence.EntityManager entityManager,
			org.springframework.context.ApplicationEventPublisher publisher) {
		this.publisher = publisher;
		this.entityManager = entityManager;
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.organizations = organizations;
		this.catalog = catalog;
		this.clock = clock;
	}

	private record Event(long id, int version, EventStatus status, VenueKind venue, Long hostId, String organizerPath,
			boolean namedList) {
	}

	@Override
	@Transactional(readOnly = true)
	public OrganizationCounts organizationCounts(CurrentUser user, long eventId) {
		if (!user.isStaff()) {
			throw new AccessDeniedException("staff only");
		}
		Event event = event(user, eventId);
		Map<String, Integer> head = zeros();
		jdbc.sql("select category_code, participants from attendance_count where event_id = :id")
			.param("id", eventId)
			.query(rs -> {
				head.put(rs.getString("category_code"), rs.getInt("participants"));
			});
		Map<String, Integer> unrecorded = zeros();
		jdbc.sql("select category_code, participants from training_v_event_unrecorded where event_id = :id")
			.param("id", eventId)
			.query(rs -> {
				unrecorded.put(rs.getString("category_code"), rs.getInt("participants"));
			});
		List<OrganizationCounts.Line> recorded = lines("""
				select c.organization_id, o.name_kk, o.name_ru, 'RECORDED' as source, c.category_code, c.participants
				from attendance_org_count c join organizations_v_unit o on o.id = c.organization_id
				where c.event_id = :id order by o.name_kk, o.id
				""", eventId);
		List<OrganizationCounts.Line> attributed = lines("""
				select v.organization_id, o.name_kk, o.name_ru, v.source, v.category_code, v.participants
				from training_v_org_attendance v join organizations_v_unit o on o.id = v.organization_id
				where v.event_id = :id order by o.name_kk, o.id
				""", eventId);
		OrganizationCounts.Line host = attributed.stream()
			.filter(l -> l.source() == OrganizationCounts.Source.RULE)
			.findFirst()
			.orElse(null);
		if (host == null && event.venue() == VenueKind.ON_SITE && !event.namedList() && event.hostId() != null) {
			// an on-site session whose head counts are all recorded for others still names its rule
			UnitInfo info = organizations.info(event.hostId()).orElseThrow();
			host = new OrganizationCounts.Line(info.id(), info.nameKk(), info.nameRu(), OrganizationCounts.Source.RULE,
					zeros());
		}
		return new OrganizationCounts(eventId, event.version(), event.status(), event.venue(), event.namedList(), head,
				recorded, attributed, host, unrecorded);
	}

	private List<OrganizationCounts.Line> lines(String sql, long eventId) {
		Map<Long, OrganizationCounts.Line> lines = new LinkedHashMap<>();
		jdbc.sql(sql).param("id", eventId).query(rs -> {
			OrganizationCounts.Line line = lines.computeIfAbsent(rs.getLong("organization_id"),
					id -> new OrganizationCounts.Line(id, rsString(rs, "name_kk"), rsString(rs, "name_ru"),
							OrganizationCounts.Source.valueOf(rsString(rs, "source")), zeros()));
			line.counts().merge(rs.getString("category_code"), rs.getInt("participants"), Integer::sum);
		});
		return new ArrayList<>(lines.values());
	}

	private static String rsString(java.sql.ResultSet rs, String column) {
		try {
			return rs.getString(column);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Map<String, Integer> zeros() {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (CatalogItem c : catalog.categories()) {
			counts.put(c.code(), 0);
		}
		return counts;
	}

	@Override
	@Transactional
	public void recordOrganizationCounts(CurrentUser user, long eventId, int version,
			List<OrganizationCountCommand> rows) {
		if (!user.writesTraining()) {
			throw new AccessDeniedException("read-only role");
		}
		Event event = event(user, eventId);
		if (event.version() != version) {
			throw new ConflictException("event " + eventId);
		}
		if (event.namedList()) {
			throw new BusinessRuleException("orgcounts.error.namedList");
		}
		if (rows.size() > MAX_ROWS) {
			throw new BusinessRuleException("orgcounts.error.tooManyRows", MAX_ROWS);
		}
		Map<Long, UnitInfo> units = organizations.infos(rows.stream().map(OrganizationCountCommand::organizationId).toList());
		Map<String, Integer> sums = new HashMap<>();
		Set<Long> seen = new HashSet<>();
		List<Object[]> batch = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			OrganizationCountCommand row = rows.get(i);
			String field = "rows[" + i + "].organization";
			UnitInfo unit = units.get(row.organizationId());
			if (unit == null || !unit.isPrimary() || !user.covers(unit.path())) {
				throw new BusinessRuleException(field, "orgcounts.error.organizationUnknown", i + 1);
			}
			if (!seen.add(unit.id())) {
				throw new BusinessRuleException(field, "orgcounts.error.repeated", i + 1, unit.nameKk());
			}
			if (event.venue() == VenueKind.ON_SITE && unit.id() == (event.hostId() == null ? -1 : event.hostId())) {
				throw new BusinessRuleException(field, "orgcounts.error.host", i + 1);
			}
			for (Map.Entry<String, Integer> count : row.counts().entrySet()) {
				if (catalog.category(count.getKey()).isEmpty()) {
					throw new BusinessRuleException("counts", "training.error.categoryUnknown", count.getKey());
				}
				Integer n = count.getValue();
				if (n == null || n == 0) {
					continue;
				}
				if (n < 0 || n > TrainingEventService.MAX_HEAD_COUNT) {
					throw new BusinessRuleException("rows[" + i + "].counts[" + count.getKey() + "]",
							"orgcounts.error.countInvalid", i + 1);
				}
				sums.merge(count.getKey(), n, Integer::sum);
				batch.add(new Object[] { eventId, unit.id(), count.getKey(), n });
			}
		}
		Map<String, Integer> head = new HashMap<>();
		jdbc.sql("select category_code, participants from attendance_count where event_id = :id")
			.param("id", eventId)
			.query(rs -> {
				head.put(rs.getString("category_code"), rs.getInt("participants"));
			});
		for (CatalogItem category : catalog.categories()) {
			int recorded = sums.getOrDefault(category.code(), 0);
			int total = head.getOrDefault(category.code(), 0);
			if (recorded > total) {
				throw new BusinessRuleException("counts", "orgcounts.error.overCount", category.nameKk(), category.nameRu(),
						category.nameEn(), recorded, total);
			}
		}
		jdbc.sql("delete from attendance_org_count where event_id = :id").param("id", eventId).update();
		jdbcTemplate.batchUpdate("insert into attendance_org_count (event_id, organization_id, category_code, participants)"
				+ " values (?, ?, ?, ?)", batch);
		int bumped = jdbc.sql("update training_event set version = version + 1, updated_at = :now"
				+ " where id = :id and version = :version")
			.param("now", OffsetDateTime.now(clock))
			.param("id", eventId)
			.param("version", version)
			.update();
		if (bumped == 0) {
			throw new ConflictException("event " + eventId);
		}
		// The version changed in SQL: an event already loaded in this transaction must see it too.
		TrainingEvent loaded = entityManager.find(TrainingEvent.class, eventId);
		entityManager.refresh(loaded);
		publisher.publishEvent(kz.oqytu.training.TrainingFiguresChanged.in(eventId, loaded.getOrganizerUnitId(),
				loaded.getStartsAt().getYear()));
	}

	@Override
	@Transactional
	public void recordOrganizationCount(CurrentUser user, long eventId, int version, OrganizationCountCommand row) {
		if (!user.writesTraining()) {
			throw new AccessDeniedException("read-only role");
		}
		event(user, eventId); // scope first: nothing of another region's event is read
		Map<Long, Map<String, Integer>> others = new LinkedHashMap<>();
		jdbc.sql("select organization_id, category_code, participants from attendance_org_count"
				+ " where event_id = :id order by organization_id, category_code")
			.param("id", eventId)
			.query(rs -> {
				long organization = rs.getLong("organization_id");
				if (organization != row.organizationId()) {
					others.computeIfAbsent(organization, k -> new LinkedHashMap<>())
						.put(rs.getString("category_code"), rs.getInt("participants"));
				}
			});
		List<OrganizationCountCommand> rows = new ArrayList<>(others.size() + 1);
		rows.add(row);
		others.forEach((organization, counts) -> rows.add(new OrganizationCountCommand(organization, counts)));
		recordOrganizationCounts(user, eventId, version, rows);
	}

	private Event event(CurrentUser user, long eventId) {
		Event event = jdbc.sql("""
				select e.id, e.version, e.status, e.venue_kind, e.host_organization_id, o.path,
				       exists (select 1 from event_participant p where p.event_id = e.id) as named
				from training_event e join organizations_v_unit o on o.id = e.organizer_unit_id where e.id = :id
				""")
			.param("id", eventId)
			.query((rs, n) -> new Event(rs.getLong("id"), rs.getInt("version"), EventStatus.valueOf(rs.getString("status")),
					VenueKind.valueOf(rs.getString("venue_kind")), (Long) rs.getObject("host_organization_id"),
					rs.getString("path"), rs.getBoolean("named")))
			.optional()
			.orElseThrow(() -> new NotFoundException("event " + eventId));
		if (!user.covers(event.organizerPath())) {
			throw new AccessDeniedException("event " + eventId + " is outside the user's scope");
		}
		return event;
	}
}
