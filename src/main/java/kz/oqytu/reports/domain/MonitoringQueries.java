package kz.oqytu.reports.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import kz.oqytu.reports.PortalEvent;

/**
 * The per-organization figures of the monitoring page and the chair's portal, each one SQL
 * statement. People trained from an organization are counted as in the annual report's breakdown:
 * its named participants of held events, plus all participants of on-site events it hosted that keep
 * no named list. Members are the latest snapshot on or before 1 January of the next year.
 */
@Component
class MonitoringQueries {

	/** One organization's coverage figures for a year and the year before. */
	record Coverage(long organizationId, String nameKk, String nameRu, long districtId, String districtKk,
			String districtRu, Long members, LocalDate membersAsOf, long trained, Long previousMembers,
			long previousTrained) {
	}

	private final JdbcClient jdbc;

	MonitoringQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The active primary organizations under {@code scopePath} (of one district when given). */
	List<Coverage> coverage(String scopePath, Long districtId, Long organizationId, int year) {
		Map<String, Object> p = new HashMap<>();
		p.put("scope", scopePath + "%");
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
				    select o.id, o.name_kk, o.name_ru, o.parent_id from org_unit o where\s""" + where + """
				), held as (
				    select e.id, e.host_organization_id, e.venue_kind, extract(year from e.starts_at)::int as y
				    from training_event e
				    where e.status = 'HELD' and e.starts_at >= :from and e.starts_at < :to
				), people as (
				    select p.organization_id as org, h.y, count(*) as n
				    from event_participant p join held h on h.id = p.event_id
				    where p.organization_id in (select id from orgs)
				    group by p.organization_id, h.y
				    union all
				    select h.host_organization_id, h.y, sum(a.participants)
				    from held h join attendance_count a on a.event_id = h.id
				    where h.venue_kind = 'ON_SITE' and h.host_organization_id in (select id from orgs)
				      and not exists (select 1 from event_participant p where p.event_id = h.id)
				    group by h.host_organization_id, h.y
				), trained as (
				    select org, coalesce(sum(n) filter (where y = :year), 0) as now,
				           coalesce(sum(n) filter (where y = :year - 1), 0) as before
				    from people group by org
				)
				select o.id, o.name_kk, o.name_ru, d.id, d.name_kk, d.name_ru, m.members, m.as_of,
				       coalesce(t.now, 0), pm.members, coalesce(t.before, 0)
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
			.query((rs, n) -> new Coverage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getString(5), rs.getString(6), nullableLong(rs, 7), rs.getObject(8, LocalDate.class),
					rs.getLong(9), nullableLong(rs, 10), rs.getLong(11)))
			.list();
	}

	/**
	 * The year's events that concern an organization: in its district, hosted by it, or attended by
	 * its people; cancelled ones left out; in date order.
	 */
	List<PortalEvent> events(long organizationId, long districtId, int year) {
		return jdbc.sql("""
				select e.id, e.title_kk, e.title_ru, e.form_code, e.starts_at, e.ends_at, e.status, e.venue_kind,
				       coalesce(e.host_organization_id = :org, false),
				       (select count(*) from event_participant p where p.event_id = e.id and p.organization_id = :org)
				from training_event e
				where e.status <> 'CANCELLED' and e.starts_at >= :from and e.starts_at < :to
				  and (e.district_id = :district or e.host_organization_id = :org
				       or exists (select 1 from event_participant p where p.event_id = e.id and p.organization_id = :org))
				order by e.starts_at, e.id
				""")
			.param("org", organizationId)
			.param("district", districtId)
			.param("from", LocalDate.of(year, 1, 1).atStartOfDay())
			.param("to", LocalDate.of(year + 1, 1, 1).atStartOfDay())
			.query((rs, n) -> new PortalEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, java.time.LocalDateTime.class), rs.getObject(6, java.time.LocalDateTime.class),
					rs.getString(7), rs.getString(8), rs.getBoolean(9), rs.getLong(10)))
			.list();
	}

	private static Long nullableLong(ResultSet rs, int column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}
}
