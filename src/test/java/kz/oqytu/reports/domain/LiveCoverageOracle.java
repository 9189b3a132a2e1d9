package kz.oqytu.reports.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;


/**
 * The live statement monitoring ran before the rollups of issue #17 (decision 32), kept as the oracle
 * the rollup-based figures are checked against on random data.
 */
class LiveCoverageOracle {

	/**
	 * Held events (the year's and the year before's, by start) with people not recorded by organization,
	 * each with its organizer and district, organized in the scope's region (or below it).
	 */
	private static final String OPEN_EVENTS = """
			held as (
			    select e.id, e.district_id, e.organizer_unit_id, extract(year from e.starts_at)::int as y
			    from training_event e
			    where e.status = 'HELD' and e.starts_at >= :from and e.starts_at < :to
			), open_events as (
			    -- an event is open only to organizations of its organizer's region: read no other region's
			    select h.id, h.district_id, h.organizer_unit_id, h.y, sum(u.participants) as n
			    from held h
			    join org_unit r on r.id = h.organizer_unit_id
			    join training_v_event_unrecorded u on u.event_id = h.id
			    where r.path like :scope or :scopePath like r.path || '%'
			    group by h.id, h.district_id, h.organizer_unit_id, h.y
			)""";

	private final JdbcClient jdbc;

	LiveCoverageOracle(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The active primary organizations under {@code scopePath} (of one district when given). */
	List<MonitoringQueries.Coverage> coverage(String scopePath, Long districtId, Long organizationId, int year) {
		Map<String, Object> p = new HashMap<>();
		p.put("scope", scopePath + "%");
		p.put("scopePath", scopePath);
		p.put("from", LocalDate.of(year - 1, 1, 1).atStartOfDay());
		p.put("to", LocalDate.of(year + 1, 1, 1).atStartOfDay());
		p.put("year", year);
		p.put("members", LocalDate.of(year + 1, 1, 1));
		p.put("previousMembers", LocalDate.of(year, 1, 1));
		String where = "o.level = 'PRIMARY' and o.path like :scope";
		if (organizationId != null) {
			where += " and o.id = :org";
			p.put("org", organizationId);
		}
		else {
			where += " and o.active";
		}
		if (districtId != null) {
			where += " and o.parent_id = :district";
			p.put("district", districtId);
		}
		return jdbc.sql("""
				with orgs as (
				    select o.id, o.name_kk, o.name_ru, o.parent_id, o.path from org_unit o where\s""" + where + """
				), """ + OPEN_EVENTS + """
				, people as (
				    select v.organization_id as org, h.y, sum(v.participants) as n
				    from training_v_org_attendance v join held h on h.id = v.event_id
				    where v.organization_id in (select id from orgs)
				    group by v.organization_id, h.y
				), by_district as (
				    select x.district_id, x.y, sum(x.n) as n from open_events x where x.district_id is not null
				    group by x.district_id, x.y
				), by_organizer as (
				    select r.path, x.y, sum(x.n) as n from open_events x join org_unit r on r.id = x.organizer_unit_id
				    where x.district_id is null group by r.path, x.y
				), own as (
				    -- open events at which the organization's own count is recorded: their remainder is not its
				    select o.id as org, x.y, sum(x.n) as n
				    from (select distinct v.event_id, v.organization_id from training_v_org_attendance v
				          where v.organization_id in (select id from orgs)) en
				    join open_events x on x.id = en.event_id
				    join orgs o on o.id = en.organization_id
				    join org_unit r on r.id = x.organizer_unit_id
				    where x.district_id = o.parent_id or (x.district_id is null and o.path like r.path || '%')
				    group by o.id, x.y
				), unrecorded as (
				    select o.id as org, yy.y,
				           coalesce(d.n, 0) + coalesce((select sum(g.n) from by_organizer g
				                                        where g.y = yy.y and o.path like g.path || '%'), 0)
				           - coalesce(w.n, 0) as n
				    from orgs o
				    cross join (values (:year), (:year - 1)) as yy (y)
				    left join by_district d on d.district_id = o.parent_id and d.y = yy.y
				    left join own w on w.org = o.id and w.y = yy.y
				), trained as (
				    select org, coalesce(sum(n) filter (where y = :year), 0) as now,
				           coalesce(sum(n) filter (where y = :year - 1), 0) as before
				    from people group by org
				)
				select o.id, o.name_kk, o.name_ru, d.id as district_id, d.name_kk as district_kk, d.name_ru as district_ru,
				       m.members, m.as_of, coalesce(t.now, 0) as trained, pm.members as previous_members,
				       coalesce(t.before, 0) as previous_trained,
				       coalesce((select u.n from unrecorded u where u.org = o.id and u.y = :year), 0) as unrecorded,
				       coalesce((select u.n from unrecorded u where u.org = o.id and u.y = :year - 1), 0) as previous_unrecorded
				from orgs o
				join org_unit d on d.id = o.parent_id
				left join trained t on t.org = o.id
				left join lateral (select s.members, s.as_of from membership_snapshot s
				                   where s.org_unit_id = o.id and s.as_of <= :members
				                   order by s.as_of desc limit 1) m on true
				left join lateral (select s.members from membership_snapshot s
				                   where s.org_unit_id = o.id and s.as_of <= :previousMembers
				                   order by s.as_of desc limit 1) pm on true
				order by d.name_kk, o.name_kk, o.id
				""")
			.params(p)
			.query((rs, n) -> new MonitoringQueries.Coverage(rs.getLong("id"), rs.getString("name_kk"), rs.getString("name_ru"),
					rs.getLong("district_id"), rs.getString("district_kk"), rs.getString("district_ru"),
					nullableLong(rs, "members"), rs.getObject("as_of", LocalDate.class), rs.getLong("trained"),
					nullableLong(rs, "previous_members"), rs.getLong("previous_trained"), rs.getLong("unrecorded"),
					rs.getLong("previous_unrecorded")))
			.list();
	}

	/**
	 * The year's held events organized in the scope whose head count is not fully recorded by
	 * organization: [events, people not recorded].
	 */
	long[] unrecorded(String scopePath, int year) {
		return jdbc.sql("""
				select count(distinct e.id) as events, coalesce(sum(u.participants), 0) as people
				from training_event e
				join org_unit r on r.id = e.organizer_unit_id
				join training_v_event_unrecorded u on u.event_id = e.id
				where e.status = 'HELD' and e.starts_at >= :from and e.starts_at < :to and r.path like :scope
				""")
			.param("scope", scopePath + "%")
			.param("from", LocalDate.of(year, 1, 1).atStartOfDay())
			.param("to", LocalDate.of(year + 1, 1, 1).atStartOfDay())
			.query((rs, n) -> new long[] { rs.getLong("events"), rs.getLong("people") })
			.single();
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}
}
