package kz.oqytu.reports.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import kz.oqytu.reports.MonitoringFilter;
import kz.oqytu.reports.PortalEvent;

/**
 * The per-organization figures of the monitoring page, the chair's portal and the annual report's
 * "left out" list, read from the reports module's rollups (decision 32; the live statement they
 * replace is the tests' oracle): people trained from an organization are what
 * {@code training_v_org_attendance} credits it with at held events; what an event's head count leaves
 * unattributed is "not recorded by organization" for every organization it was open to: those of its
 * district, or of its organizer's subtree when it has none, except the organizations whose own count
 * at it is recorded (decision 19). Which district and subtree an organization is in is read from the
 * registry now, so a move needs no refresh. Members are the latest snapshot on or before 1 January of
 * the next year, looked up for the rows shown only. A page is sorted, filtered and cut in SQL.
 */
@Component
class MonitoringQueries {

	/**
	 * One organization's coverage figures for a year and the year before; {@code unrecorded} is the
	 * head count of events open to it that no organization is credited with (0: its figure is complete).
	 */
	record Coverage(long organizationId, String nameKk, String nameRu, long districtId, String districtKk,
			String districtRu, Long members, LocalDate membersAsOf, long trained, Long previousMembers,
			long previousTrained, long unrecorded, long previousUnrecorded) {
	}

	/** Which organizations: a scope, one district of it or one organization, and a year. */
	record Scope(String path, Long districtId, Long organizationId, int year) {
	}

	/**
	 * What other modules know, as the ids of the organizations in the scope that have it, so that
	 * filters and totals are one statement whatever the number of organizations (empty: not asked).
	 */
	record Marks(Collection<Long> withItems, Collection<Long> withHeldItems, Collection<Long> withRequests,
			Collection<Long> acknowledgedAll, Collection<Long> notAcknowledged, Collection<Long> interviewed) {

		static final Marks NONE = new Marks(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
	}

	/** How many organizations of a selection are in each state (the monitoring's headline). */
	record Totals(int organizations, int trained, int leftOut, int notRecorded, int withSchoolPlan,
			int schoolPlanHeld, int withRequests, int acknowledgedAll, int interviewed) {
	}

	/** The organizations nobody was trained from though everything open to them was recorded. */
	record LeftOut(List<Coverage> first, long count, long organizations, long notRecorded) {
	}

	/**
	 * Per organization of the scope: trained and not recorded, this year and last, from the rollups;
	 * {@code marks} flags what other modules know. Columns of {@code f}: id, parent_id, trained,
	 * previous_trained, unrecorded, previous_unrecorded, items, held_items, requests, acknowledged_all,
	 * not_acknowledged, interviewed.
	 */
	private static final String FIGURES = """
			with orgs as (
			    select o.id, o.parent_id, o.path from org_unit o
			    where o.level = 'PRIMARY' and o.path like :scope
			      and (cast(:org as bigint) is null and o.active or o.id = cast(:org as bigint))
			      and (cast(:district as bigint) is null or o.parent_id = cast(:district as bigint))
			), open_rows as (
			    -- an event is open only to organizations of its organizer's region: read no other region's
			    select x.year, x.district_id, x.people, r.path
			    from reports_rollup_monitoring_open x join org_unit r on r.id = x.organizer_unit_id
			    where x.year in (:year, :year - 1) and (r.path like :scope or :scopePath like r.path || '%')
			), by_district as (
			    select x.district_id, x.year, sum(x.people) as n from open_rows x where x.district_id is not null
			    group by x.district_id, x.year
			), by_organizer as (
			    select x.path, x.year, sum(x.people) as n from open_rows x where x.district_id is null
			    group by x.path, x.year
			), own as (
			    -- open events at which the organization's own count is recorded: their remainder is not its
			    select w.organization_id as org, w.year, sum(w.people) as n
			    from reports_rollup_monitoring_own w
			    join orgs o on o.id = w.organization_id
			    join org_unit r on r.id = w.organizer_unit_id
			    where w.year in (:year, :year - 1) and (r.path like :scope or :scopePath like r.path || '%')
			      and (w.district_id = o.parent_id or (w.district_id is null and starts_with(o.path, r.path)))
			    group by w.organization_id, w.year
			), trained as (
			    select t.organization_id as org, sum(t.trained) filter (where t.year = :year) as now,
			           sum(t.trained) filter (where t.year = :year - 1) as before
			    from reports_rollup_monitoring_trained t
			    where t.year in (:year, :year - 1) and t.organization_id in (select id from orgs)
			    group by t.organization_id
			), marks as (
			    select m.id, bool_or(m.k = 1) as items, bool_or(m.k = 2) as held_items, bool_or(m.k = 3) as requests,
			           bool_or(m.k = 4) as acknowledged_all, bool_or(m.k = 5) as not_acknowledged,
			           bool_or(m.k = 6) as interviewed
			    from (select unnest(%withItems%) as id, 1 as k
			          union all select unnest(%withHeldItems%), 2
			          union all select unnest(%withRequests%), 3
			          union all select unnest(%acknowledgedAll%), 4
			          union all select unnest(%notAcknowledged%), 5
			          union all select unnest(%interviewed%), 6) m
			    group by m.id
			), f as (
			    select o.id, o.parent_id, coalesce(t.now, 0) as trained, coalesce(t.before, 0) as previous_trained,
			           coalesce(d.n, 0) + coalesce((select sum(g.n) from by_organizer g
			                                        where g.year = :year and starts_with(o.path, g.path)), 0)
			               - coalesce(w.n, 0) as unrecorded,
			           coalesce(dp.n, 0) + coalesce((select sum(g.n) from by_organizer g
			                                         where g.year = :year - 1 and starts_with(o.path, g.path)), 0)
			               - coalesce(wp.n, 0) as previous_unrecorded,
			           coalesce(k.items, false) as items, coalesce(k.held_items, false) as held_items,
			           coalesce(k.requests, false) as requests, coalesce(k.acknowledged_all, false) as acknowledged_all,
			           coalesce(k.not_acknowledged, false) as not_acknowledged,
			           coalesce(k.interviewed, false) as interviewed
			    from orgs o
			    left join trained t on t.org = o.id
			    left join by_district d on d.district_id = o.parent_id and d.year = :year
			    left join by_district dp on dp.district_id = o.parent_id and dp.year = :year - 1
			    left join own w on w.org = o.id and w.year = :year
			    left join own wp on wp.org = o.id and wp.year = :year - 1
			    left join marks k on k.id = o.id
			)
			""";

	/** The conditions on {@code f} of the page's filters (decision 19 for the first two). */
	static String condition(MonitoringFilter filter) {
		return switch (filter == null ? MonitoringFilter.ALL : filter) {
			case ALL -> "true";
			case NOT_TRAINED -> "f.trained = 0 and f.unrecorded <= 0";
			case NOT_RECORDED -> "f.trained = 0 and f.unrecorded > 0";
			case NO_SCHOOL_PLAN -> "not f.items";
			case SCHOOL_PLAN_NOT_HELD -> "f.items and not f.held_items";
			case NO_REQUESTS -> "not f.requests";
			case NOT_ACKNOWLEDGED -> "f.not_acknowledged";
			case NO_INTERVIEW -> "not f.interviewed";
		};
	}

	private final JdbcClient jdbc;

	private final RollupRefresher refresher;

	MonitoringQueries(JdbcClient jdbc, RollupRefresher refresher) {
		this.jdbc = jdbc;
		this.refresher = refresher;
	}

	/** Every statement reads the rollups after the caller's own pending changes are in them. */
	private JdbcClient.StatementSpec sql(String statement) {
		refresher.readYourWrites();
		return jdbc.sql(statement);
	}

	/** The active primary organizations under {@code scopePath} (of one district when given), by district and name. */
	List<Coverage> coverage(String scopePath, Long districtId, Long organizationId, int year) {
		return page(new Scope(scopePath, districtId, organizationId, year), "true", Marks.NONE, 0, Integer.MAX_VALUE);
	}

	/** A page of the selection, sorted by district and name. */
	List<Coverage> page(Scope scope, String condition, Marks marks, long offset, int limit) {
		return rows(scope, condition, marks, "d.name_kk, o.name_kk, o.id", offset, limit);
	}

	/** The headline of the selection. */
	Totals totals(Scope scope, String condition, Marks marks) {
		return sql(figures(marks) + """
				select count(*) as organizations, count(*) filter (where f.trained > 0) as trained,
				       count(*) filter (where f.trained = 0 and f.unrecorded <= 0) as left_out,
				       count(*) filter (where f.trained = 0 and f.unrecorded > 0) as not_recorded,
				       count(*) filter (where f.items) as with_school_plan,
				       count(*) filter (where f.held_items) as school_plan_held,
				       count(*) filter (where f.requests) as with_requests,
				       count(*) filter (where f.acknowledged_all) as acknowledged_all,
				       count(*) filter (where f.interviewed) as interviewed
				from f where\s""" + condition)
			.params(params(scope))
			.query((rs, n) -> new Totals(rs.getInt("organizations"), rs.getInt("trained"), rs.getInt("left_out"),
					rs.getInt("not_recorded"), rs.getInt("with_school_plan"), rs.getInt("school_plan_held"),
					rs.getInt("with_requests"), rs.getInt("acknowledged_all"), rs.getInt("interviewed")))
			.single();
	}

	/**
	 * The annual report's left-out list: how many organizations of the scope nobody was trained from
	 * with everything open to them recorded, the first {@code limit} of them by Kazakh name (in code
	 * point order, as the report always sorted), and how many are not recorded.
	 */
	LeftOut leftOut(String scopePath, int year, int limit) {
		Scope scope = new Scope(scopePath, null, null, year);
		Totals totals = totals(scope, "true", Marks.NONE);
		List<Coverage> first = rows(scope, condition(MonitoringFilter.NOT_TRAINED), Marks.NONE,
				"o.name_kk collate \"C\", d.name_kk, o.name_kk, o.id", 0, limit);
		return new LeftOut(first, totals.leftOut(), totals.organizations(), totals.notRecorded());
	}

	private List<Coverage> rows(Scope scope, String condition, Marks marks, String order, long offset, int limit) {
		Map<String, Object> p = params(scope);
		p.put("offset", offset);
		p.put("limit", limit);
		p.put("members", LocalDate.of(scope.year() + 1, 1, 1));
		p.put("previousMembers", LocalDate.of(scope.year(), 1, 1));
		// members are looked up for the rows of the page only, after the cut
		return sql(figures(marks) + """
				, cut as (
				    select f.*, o.name_kk, o.name_ru, d.id as district_id, d.name_kk as district_kk,
				           d.name_ru as district_ru, row_number() over (order by\s""" + order + """
				) as position
				    from f join org_unit o on o.id = f.id join org_unit d on d.id = f.parent_id
				    where\s""" + condition + """

				    order by\s""" + order + """

				    offset :offset limit :limit
				)
				select c.*, m.members, m.as_of, pm.members as previous_members
				from cut c
				left join lateral (select s.members, s.as_of from membership_snapshot s
				                   where s.org_unit_id = c.id and s.as_of <= :members
				                   order by s.as_of desc limit 1) m on true
				left join lateral (select s.members from membership_snapshot s
				                   where s.org_unit_id = c.id and s.as_of <= :previousMembers
				                   order by s.as_of desc limit 1) pm on true
				order by c.position
				""")
			.params(p)
			.query((rs, n) -> new Coverage(rs.getLong("id"), rs.getString("name_kk"), rs.getString("name_ru"),
					rs.getLong("district_id"), rs.getString("district_kk"), rs.getString("district_ru"),
					nullableLong(rs, "members"), rs.getObject("as_of", LocalDate.class), rs.getLong("trained"),
					nullableLong(rs, "previous_members"), rs.getLong("previous_trained"), rs.getLong("unrecorded"),
					rs.getLong("previous_unrecorded")))
			.list();
	}

	/**
	 * The statement with the marks written in as array literals (numbers only): a planner that sees
	 * the arrays counts their rows and hash-joins them, where a parameter passed to a generic plan was
	 * taken for a handful of rows and joined by nested loop (minutes at offset 4 900 of the country).
	 */
	private static String figures(Marks marks) {
		return FIGURES.replace("%withItems%", literal(marks.withItems()))
			.replace("%withHeldItems%", literal(marks.withHeldItems()))
			.replace("%withRequests%", literal(marks.withRequests()))
			.replace("%acknowledgedAll%", literal(marks.acknowledgedAll()))
			.replace("%notAcknowledged%", literal(marks.notAcknowledged()))
			.replace("%interviewed%", literal(marks.interviewed()));
	}

	private static String literal(Collection<Long> ids) {
		StringBuilder sql = new StringBuilder("'{");
		for (Long id : ids) {
			if (sql.length() > 2) {
				sql.append(',');
			}
			sql.append(id.longValue());
		}
		return sql.append("}'::bigint[]").toString();
	}

	private static Map<String, Object> params(Scope scope) {
		Map<String, Object> p = new HashMap<>();
		p.put("scope", scope.path() + "%");
		p.put("scopePath", scope.path());
		p.put("org", scope.organizationId());
		p.put("district", scope.districtId());
		p.put("year", scope.year());
		return p;
	}

	/**
	 * The year's held events organized in the scope whose head count is not fully recorded by
	 * organization: [events, people not recorded].
	 */
	long[] unrecorded(String scopePath, int year) {
		return sql("""
				select coalesce(sum(x.events), 0) as events, coalesce(sum(x.people), 0) as people
				from reports_rollup_monitoring_open x
				join org_unit r on r.id = x.organizer_unit_id
				where x.year = :year and r.path like :scope
				""")
			.param("scope", scopePath + "%")
			.param("year", year)
			.query((rs, n) -> new long[] { rs.getLong("events"), rs.getLong("people") })
			.single();
	}

	/**
	 * The year's events that concern an organization: in its district, hosted by it, at regional level
	 * in its region (no district), or with people credited to it; cancelled ones left out; in date
	 * order. {@code fromHere} is what the organization is credited with, {@code unrecorded} the event's
	 * remainder not recorded by organization when the organization's own count is not recorded there.
	 */
	List<PortalEvent> events(long organizationId, long districtId, String organizationPath, int year) {
		return sql("""
				select e.id, e.title_kk, e.title_ru, e.form_code, e.starts_at, e.ends_at, e.status, e.venue_kind,
				       coalesce(e.host_organization_id = :org, false) as hosted,
				       coalesce(c.n, 0) as from_here,
				       case when c.n is not null or e.status <> 'HELD' then 0
				            else coalesce((select sum(u.participants) from training_v_event_unrecorded u
				                           where u.event_id = e.id), 0) end as unrecorded
				from training_event e
				join org_unit r on r.id = e.organizer_unit_id
				left join lateral (select sum(v.participants) as n from training_v_org_attendance v
				                   where v.event_id = e.id and v.organization_id = :org) c on true
				where e.status <> 'CANCELLED' and e.starts_at >= :from and e.starts_at < :to
				  and (e.district_id = :district or e.host_organization_id = :org or c.n is not null
				       or (e.district_id is null and :path like r.path || '%'))
				order by e.starts_at, e.id
				""")
			.param("org", organizationId)
			.param("district", districtId)
			.param("path", organizationPath)
			.param("from", LocalDate.of(year, 1, 1).atStartOfDay())
			.param("to", LocalDate.of(year + 1, 1, 1).atStartOfDay())
			.query((rs, n) -> new PortalEvent(rs.getLong("id"), rs.getString("title_kk"), rs.getString("title_ru"),
					rs.getString("form_code"), rs.getObject("starts_at", java.time.LocalDateTime.class),
					rs.getObject("ends_at", java.time.LocalDateTime.class), rs.getString("status"),
					rs.getString("venue_kind"), rs.getBoolean("hosted"), rs.getLong("from_here"),
					rs.getLong("unrecorded")))
			.list();
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}
}
