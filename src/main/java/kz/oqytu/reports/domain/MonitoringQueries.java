package kz.oqytu.reports.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import kz.oqytu.organizations.Scopes;
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
 * the next year, looked up for the rows shown only. A page and its headline are one statement, sorted
 * with a bound (decision 39); the workbook reads every row through one cursor.
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
	 * what other modules know as flags. Columns of {@code f}: id, parent_id, position (the rank of its
	 * parent's Kazakh name among the parents of the scope: equal names, equal ranks, so that ordering by
	 * it equals ordering by the name), trained, previous_trained, unrecorded, previous_unrecorded, items,
	 * held_items, requests, acknowledged_all, not_acknowledged, interviewed.
	 */
	private static final String FIGURES = """
			with orgs as (
			    select o.id, o.parent_id, o.path from organizations_v_unit o
			    where o.level = 'PRIMARY' and %1$s
			      and (cast(:org as bigint) is null and o.active or o.id = cast(:org as bigint))
			      and (cast(:district as bigint) is null or o.parent_id = cast(:district as bigint))
			), open_rows as (
			    -- an event is open only to organizations of its organizer's region: read no other region's
			    select x.year, x.organizer_unit_id, x.district_id, x.people, r.path
			    from reports_rollup_monitoring_open x join organizations_v_unit r on r.id = x.organizer_unit_id
			    where x.year in (:year, :year - 1) and (%2$s or %3$s)
			), by_district as (
			    select x.district_id, sum(x.people) filter (where x.year = :year) as now,
			           sum(x.people) filter (where x.year = :year - 1) as before
			    from open_rows x where x.district_id is not null
			    group by x.district_id
			), by_organizer as (
			    select x.organizer_unit_id as id, x.path, sum(x.people) filter (where x.year = :year) as now,
			           sum(x.people) filter (where x.year = :year - 1) as before
			    from open_rows x where x.district_id is null
			    group by x.organizer_unit_id, x.path
			), parents as (
			    -- an organizer's subtree holds an organization when it holds its parent (or is the organization):
			    -- the prefixes are compared once per parent, a few hundred, not once per organization
			    select p.id, dense_rank() over (order by p.name_kk) as position,
			           (select sum(g.now) from by_organizer g where %4$s) as now,
			           (select sum(g.before) from by_organizer g where %4$s) as before
			    from organizations_v_unit p where p.id in (select parent_id from orgs)
			), own as (
			    -- open events at which the organization's own count is recorded: their remainder is not its
			    select w.organization_id as org, sum(w.people) filter (where w.year = :year) as now,
			           sum(w.people) filter (where w.year = :year - 1) as before
			    from reports_rollup_monitoring_own w
			    join orgs o on o.id = w.organization_id
			    join organizations_v_unit r on r.id = w.organizer_unit_id
			    where w.year in (:year, :year - 1) and (%2$s or %3$s)
			      and (w.district_id = o.parent_id or (w.district_id is null and %5$s))
			    group by w.organization_id
			), trained as (
			    select t.organization_id as org, sum(t.trained) filter (where t.year = :year) as now,
			           sum(t.trained) filter (where t.year = :year - 1) as before
			    from reports_rollup_monitoring_trained t
			    where t.year in (:year, :year - 1) and t.organization_id in (select id from orgs)
			    group by t.organization_id
			), f as (
			    -- the marks are arrays whose values the planner sees (custom plans): "= any" is a hash lookup
			    select o.id, o.parent_id, p.position, coalesce(t.now, 0) as trained, coalesce(t.before, 0) as previous_trained,
			           coalesce(d.now, 0) + coalesce(p.now, 0) + coalesce(s.now, 0) - coalesce(w.now, 0) as unrecorded,
			           coalesce(d.before, 0) + coalesce(p.before, 0) + coalesce(s.before, 0) - coalesce(w.before, 0)
			               as previous_unrecorded,
			           o.id = any(cast(:withItems as bigint[])) as items,
			           o.id = any(cast(:withHeldItems as bigint[])) as held_items,
			           o.id = any(cast(:withRequests as bigint[])) as requests,
			           o.id = any(cast(:acknowledgedAll as bigint[])) as acknowledged_all,
			           o.id = any(cast(:notAcknowledged as bigint[])) as not_acknowledged,
			           o.id = any(cast(:interviewed as bigint[])) as interviewed
			    from orgs o
			    join parents p on p.id = o.parent_id
			    left join trained t on t.org = o.id
			    left join by_district d on d.district_id = o.parent_id
			    left join by_organizer s on s.id = o.id
			    left join own w on w.org = o.id
			)
			""".formatted(
					Scopes.within("o.path", "scope"), // 1: the organization lies in the scope
					Scopes.within("r.path", "scope"), // 2: the organizer lies in the scope,
					Scopes.under(":scopePath", "r.path"), // 3: or above it
					Scopes.startsWith("p.path", "g.path"), // 4: the parent lies at or below the organizer
					Scopes.startsWith("o.path", "r.path")); // 5: the organization lies below the organizer

	/**
	 * A slice of the selection in one statement: the headline of what {@code %condition%} selects and of
	 * the whole scope (every row carries them; a slice past the end is one row of headline alone), then
	 * the rows from {@code :offset}, at most {@code :limit}, in {@code %order%} (a bounded sort: the first
	 * page sorts a hundred rows, not the scope), members looked up for those rows only.
	 */
	private static final String SLICE = FIGURES + """
			, marked as (
			    select f.*, %condition% as selected from f
			), head as (
			    select count(*) filter (where m.selected) as h_organizations,
			           count(*) filter (where m.selected and m.trained > 0) as h_trained,
			           count(*) filter (where m.selected and m.trained = 0 and m.unrecorded <= 0) as h_left_out,
			           count(*) filter (where m.selected and m.trained = 0 and m.unrecorded > 0) as h_not_recorded,
			           count(*) filter (where m.selected and m.items) as h_with_school_plan,
			           count(*) filter (where m.selected and m.held_items) as h_school_plan_held,
			           count(*) filter (where m.selected and m.requests) as h_with_requests,
			           count(*) filter (where m.selected and m.acknowledged_all) as h_acknowledged_all,
			           count(*) filter (where m.selected and m.interviewed) as h_interviewed,
			           count(*) as h_scope_organizations,
			           count(*) filter (where m.trained = 0 and m.unrecorded <= 0) as h_scope_left_out,
			           count(*) filter (where m.trained = 0 and m.unrecorded > 0) as h_scope_not_recorded
			    from marked m
			), cut as (
			    select x.* from (
			        select m.id, m.position, m.trained, m.previous_trained, m.unrecorded, m.previous_unrecorded,
			               o.name_kk, o.name_ru, d.id as district_id, d.name_kk as district_kk, d.name_ru as district_ru
			        from marked m join organizations_v_unit o on o.id = m.id join organizations_v_unit d on d.id = m.parent_id
			        where m.selected
			    ) x
			    order by %order%
			    offset :offset limit :limit
			)
			select h.*, c.*, mb.members, mb.as_of, pm.members as previous_members
			from head h
			left join cut c on true
			left join lateral (select s.members, s.as_of from organizations_v_membership s
			                   where s.org_unit_id = c.id and s.as_of <= :members
			                   order by s.as_of desc limit 1) mb on true
			left join lateral (select s.members from organizations_v_membership s
			                   where s.org_unit_id = c.id and s.as_of <= :previousMembers
			                   order by s.as_of desc limit 1) pm on true
			order by %order%
			""";

	/**
	 * Every row of the selection in {@code %order%}, for a cursor (the workbook): the same figures and
	 * members as a slice, without the headline.
	 */
	private static final String ALL_ROWS = FIGURES + """
			select x.*, mb.members, mb.as_of, pm.members as previous_members
			from (
			    select f.id, f.position, f.trained, f.previous_trained, f.unrecorded, f.previous_unrecorded,
			           o.name_kk, o.name_ru, d.id as district_id, d.name_kk as district_kk, d.name_ru as district_ru
			    from f join organizations_v_unit o on o.id = f.id join organizations_v_unit d on d.id = f.parent_id
			    where %condition%
			) x
			left join lateral (select s.members, s.as_of from organizations_v_membership s
			                   where s.org_unit_id = x.id and s.as_of <= :members
			                   order by s.as_of desc limit 1) mb on true
			left join lateral (select s.members from organizations_v_membership s
			                   where s.org_unit_id = x.id and s.as_of <= :previousMembers
			                   order by s.as_of desc limit 1) pm on true
			order by %order%
			""";

	/**
	 * The page's order: by district and organization name (natural collation), then id. {@code position}
	 * ranks the district names, so the sort compares names only within a district.
	 */
	static final String PAGE_ORDER = "position, name_kk, id";

	/** The annual report's left-out list: by Kazakh name in code-point order, as Java's sort was. */
	static final String LEFT_OUT_ORDER = "name_kk collate \"C\", position, name_kk, id";

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

	/** Rows read {@link #FETCH} at a time from a cursor (the workbook's rows). */
	private final NamedParameterJdbcTemplate cursor;

	static final int FETCH = 500;

	MonitoringQueries(JdbcClient jdbc, RollupRefresher refresher, DataSource dataSource) {
		this.jdbc = jdbc;
		this.refresher = refresher;
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH);
		this.cursor = new NamedParameterJdbcTemplate(template);
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
		return slice(scope, condition, marks, PAGE_ORDER, offset, limit).rows();
	}

	/** The headline of the selection. */
	Totals totals(Scope scope, String condition, Marks marks) {
		return slice(scope, condition, marks, PAGE_ORDER, 0, 0).selected();
	}

	/**
	 * The annual report's left-out list: how many organizations of the scope nobody was trained from
	 * with everything open to them recorded, the first {@code limit} of them by Kazakh name (in code
	 * point order, as the report always sorted), and how many are not recorded. One statement.
	 */
	LeftOut leftOut(String scopePath, int year, int limit) {
		Slice slice = slice(new Scope(scopePath, null, null, year), condition(MonitoringFilter.NOT_TRAINED), Marks.NONE,
				LEFT_OUT_ORDER, 0, limit);
		return new LeftOut(slice.rows(), slice.scopeLeftOut(), slice.scopeOrganizations(), slice.scopeNotRecorded());
	}

	/**
	 * A page of the selection and its headline, in one statement (the figures are computed once): the
	 * headline of what {@code condition} selects, the scope's own counts of organizations, left out and
	 * not recorded, and the rows from {@code offset} in {@code order} ({@link #PAGE_ORDER} or
	 * {@link #LEFT_OUT_ORDER}), at most {@code limit}.
	 */
	Slice slice(Scope scope, String condition, Marks marks, String order, long offset, int limit) {
		Map<String, Object> p = params(scope, marks);
		p.put("offset", offset);
		p.put("limit", limit);
		List<Coverage> rows = new java.util.ArrayList<>();
		Slice[] head = new Slice[1];
		sql(SLICE.replace("%condition%", "(" + condition + ")").replace("%order%", order)).params(p).query(rs -> {
			if (head[0] == null) {
				head[0] = new Slice(new Totals(rs.getInt("h_organizations"), rs.getInt("h_trained"), rs.getInt("h_left_out"),
						rs.getInt("h_not_recorded"), rs.getInt("h_with_school_plan"), rs.getInt("h_school_plan_held"),
						rs.getInt("h_with_requests"), rs.getInt("h_acknowledged_all"), rs.getInt("h_interviewed")),
						rs.getInt("h_scope_organizations"), rs.getInt("h_scope_left_out"), rs.getInt("h_scope_not_recorded"), rows);
			}
			rs.getLong("id");
			if (!rs.wasNull()) {
				rows.add(coverage(rs));
			}
		});
		return head[0];
	}

	/** A page and its headline: {@code rows} in order, the counts of the whole scope beside the selection's. */
	record Slice(Totals selected, int scopeOrganizations, int scopeLeftOut, int scopeNotRecorded, List<Coverage> rows) {
	}

	/**
	 * Every row of the selection in the page's order, handed to {@code sink} as the database sends them:
	 * one statement, read through a cursor {@link #FETCH} rows at a time (the caller's transaction keeps
	 * it open), so the rows are never all in memory.
	 */
	void forEach(Scope scope, String condition, Marks marks, Consumer<Coverage> sink) {
		refresher.readYourWrites();
		cursor.query(
				ALL_ROWS.replace("%condition%", "(" + condition + ")").replace("%order%", PAGE_ORDER),
				params(scope, marks), rs -> {
					sink.accept(coverage(rs));
				});
	}

	private static Coverage coverage(ResultSet rs) throws SQLException {
		return new Coverage(rs.getLong("id"), rs.getString("name_kk"), rs.getString("name_ru"), rs.getLong("district_id"),
				rs.getString("district_kk"), rs.getString("district_ru"), nullableLong(rs, "members"),
				rs.getObject("as_of", LocalDate.class), rs.getLong("trained"), nullableLong(rs, "previous_members"),
				rs.getLong("previous_trained"), rs.getLong("unrecorded"), rs.getLong("previous_unrecorded"));
	}

	/**
	 * The scope, the year and the marks as arrays. Every statement is planned for its values
	 * ({@code plan_cache_mode=force_custom_plan}): the planner sees each array, counts its rows and
	 * looks ids up in a hash of it.
	 */
	private static Map<String, Object> params(Scope scope, Marks marks) {
		Map<String, Object> p = new HashMap<>();
		p.put("scope", Scopes.prefix(scope.path()));
		p.put("scopePath", scope.path());
		p.put("org", scope.organizationId());
		p.put("district", scope.districtId());
		p.put("year", scope.year());
		p.put("members", LocalDate.of(scope.year() + 1, 1, 1));
		p.put("previousMembers", LocalDate.of(scope.year(), 1, 1));
		p.put("withItems", array(marks.withItems()));
		p.put("withHeldItems", array(marks.withHeldItems()));
		p.put("withRequests", array(marks.withRequests()));
		p.put("acknowledgedAll", array(marks.acknowledgedAll()));
		p.put("notAcknowledged", array(marks.notAcknowledged()));
		p.put("interviewed", array(marks.interviewed()));
		return p;
	}

	private static Long[] array(Collection<Long> ids) {
		return ids.toArray(new Long[0]);
	}

	/**
	 * The year's held events organized in the scope whose head count is not fully recorded by
	 * organization: [events, people not recorded].
	 */
	long[] unrecorded(String scopePath, int year) {
		return sql("""
				select coalesce(sum(x.events), 0) as events, coalesce(sum(x.people), 0) as people
				from reports_rollup_monitoring_open x
				join organizations_v_unit r on r.id = x.organizer_unit_id
				where x.year = :year and %s
				""".formatted(Scopes.within("r.path", "scope")))
			.param("scope", Scopes.prefix(scopePath))
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
				from training_v_event e
				join organizations_v_unit r on r.id = e.organizer_unit_id
				left join lateral (select sum(v.participants) as n from training_v_org_attendance v
				                   where v.event_id = e.id and v.organization_id = :org) c on true
				where e.status <> 'CANCELLED' and e.starts_at >= :from and e.starts_at < :to
				  and (e.district_id = :district or e.host_organization_id = :org or c.n is not null
				       or (e.district_id is null and %s))
				order by e.starts_at, e.id
				""".formatted(Scopes.under(":path", "r.path")))
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
