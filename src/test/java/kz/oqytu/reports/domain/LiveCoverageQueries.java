package kz.oqytu.reports.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import kz.oqytu.reports.Breakdown;

/**
 * The oracle of the rollups (issue 17, decision 31): the coverage statements as they were before the
 * rollups, straight over events, attendance, participants and the registry. Only HELD events count;
 * an event belongs to the year it starts in; a region is its subtree of the union tree.
 */

class LiveCoverageQueries {

	/** Events of the region held in the year: the common FROM/WHERE of the aggregates. */
	private static final String HELD_IN_YEAR = """
			 from training_event e
			 join org_unit org on org.id = e.organizer_unit_id
			 where e.status = 'HELD' and e.starts_at >= :from and e.starts_at < :to and org.path like :region
			""";

	private final JdbcClient jdbc;

	LiveCoverageQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static Long nullableLong(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static Map<String, Object> params(String regionPath, int year) {
		Map<String, Object> p = new HashMap<>();
		p.put("region", regionPath + "%");
		p.put("from", LocalDate.of(year, 1, 1).atStartOfDay());
		p.put("to", LocalDate.of(year + 1, 1, 1).atStartOfDay());
		return p;
	}

	/**
	 * The snapshot date members are read on: 01.01 of Y+1, or for the current (provisional) year the
	 * latest snapshot of the region up to it, as the report's own column (CoverageReportService.base).
	 */
	private static final String MEMBERS_BASE = """
			base as (select case when cast(:provisional as boolean)
			                     then coalesce((select max(m.as_of) from membership_snapshot m
			                                    join org_unit o on o.id = m.org_unit_id
			                                    where o.path like :region and m.as_of <= cast(:members as date)), cast(:members as date))
			                     else cast(:members as date) end as as_of)
			""";

	private static Map<String, Object> membersParams(String regionPath, int year, boolean provisional) {
		Map<String, Object> p = params(regionPath, year);
		p.put("members", LocalDate.of(year + 1, 1, 1));
		p.put("provisional", provisional);
		return p;
	}

	Map<String, Long> trainedByCategory(String regionPath, int year) {
		Map<String, Long> result = new HashMap<>();
		jdbc.sql("select a.category_code, sum(a.participants) from attendance_count a join training_event e on e.id = a.event_id"
				+ " join org_unit org on org.id = e.organizer_unit_id"
				+ " where e.status = 'HELD' and e.starts_at >= :from and e.starts_at < :to and org.path like :region"
				+ " group by a.category_code")
			.params(params(regionPath, year))
			.query(rs -> {
				result.put(rs.getString(1), rs.getLong(2));
			});
		return result;
	}

	/** Held events, named participants and distinct named persons (same name and organization). */
	long[] eventsAndPersons(String regionPath, int year) {
		// One pass over the named participants of the year's events, grouped by person (a hash, where
		// count(distinct) sorts): the rows summed are the participants, the groups counted the persons.
		return jdbc.sql("with held as (select e.id" + HELD_IN_YEAR + ")"
				+ " select (select count(*) from held), coalesce(sum(n), 0), count(*)"
				+ " from (select count(*) as n from held h join event_participant p on p.event_id = h.id"
				+ "       group by p.name_key, p.organization_id) persons")
			.params(params(regionPath, year))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.single();
	}

	/** Trained by year and category over every year with held events: [year, category, participants]. */
	List<Object[]> trainedByYearAndCategory(String regionPath) {
		return jdbc.sql("""
				select extract(year from e.starts_at)::int as y, a.category_code, sum(a.participants)
				from training_event e
				join org_unit org on org.id = e.organizer_unit_id
				join attendance_count a on a.event_id = e.id
				where e.status = 'HELD' and org.path like :region
				group by y, a.category_code
				""")
			.param("region", regionPath + "%")
			.query((rs, n) -> new Object[] { rs.getInt(1), rs.getString(2), rs.getLong(3) })
			.list();
	}

	/** Held events per year. */
	Map<Integer, Long> eventsByYear(String regionPath) {
		Map<Integer, Long> result = new java.util.TreeMap<>();
		jdbc.sql("select extract(year from e.starts_at)::int, count(*) from training_event e"
				+ " join org_unit org on org.id = e.organizer_unit_id"
				+ " where e.status = 'HELD' and org.path like :region group by 1")
			.param("region", regionPath + "%")
			.query(rs -> {
				result.put(rs.getInt(1), rs.getLong(2));
			});
		return result;
	}

	/**
	 * Years with held events in the region, newest first: a skip scan over the start-date index (from
	 * each 1 January, the first held event of the region), a dozen short probes instead of counting
	 * every held event as {@link #eventsByYear} does.
	 */
	List<Integer> heldYears(String regionPath) {
		return jdbc.sql("""
				with recursive y (year) as (
				    select extract(year from (select e.starts_at from training_event e
				        join org_unit o on o.id = e.organizer_unit_id
				        where e.status = 'HELD' and o.path like :region order by e.starts_at limit 1))::int
				    union all
				    select extract(year from (select e.starts_at from training_event e
				        join org_unit o on o.id = e.organizer_unit_id
				        where e.status = 'HELD' and o.path like :region and e.starts_at >= make_date(y.year + 1, 1, 1)
				        order by e.starts_at limit 1))::int
				    from y where y.year is not null)
				select year from y where year is not null order by year desc
				""")
			.param("region", regionPath + "%")
			.query(Integer.class)
			.list();
	}

	/** Members of the region on each 1 January that has a snapshot. */
	Map<LocalDate, Long> membersByDate(String regionPath) {
		Map<LocalDate, Long> result = new HashMap<>();
		jdbc.sql("select m.as_of, sum(m.members) from membership_snapshot m join org_unit o on o.id = m.org_unit_id"
				+ " where o.path like :region group by m.as_of")
			.param("region", regionPath + "%")
			.query(rs -> {
				result.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
			});
		return result;
	}

	/**
	 * Each committee of the region with the events held there and their participants, and its members
	 * on 01.01 of the next year; events without a district form the last line ("regional level").
	 */
	List<Breakdown> byDistrict(String regionPath, int year, boolean provisional) {
		Map<String, Object> p = membersParams(regionPath, year, provisional);
		// a committee without a snapshot on the base date has no members (null, "no data"), never 0
		return jdbc.sql("""
				with held as (select e.id, e.district_id,
				                     coalesce((select sum(a.participants) from attendance_count a where a.event_id = e.id), 0) as people
				""" + HELD_IN_YEAR + "), " + MEMBERS_BASE + """
				, members as (select o.parent_id as district_id, sum(m.members) as members
				               from membership_snapshot m join org_unit o on o.id = m.org_unit_id
				               where m.as_of = (select as_of from base) and o.path like :region group by o.parent_id)
				select d.id::text, d.name_kk, d.name_ru, count(h.id), coalesce(sum(h.people), 0), mb.members,
				       case d.committee_kind when 'CITY' then 0 else 1 end as k
				from org_unit d
				left join held h on h.district_id = d.id
				left join members mb on mb.district_id = d.id
				where d.level = 'COMMITTEE' and d.path like :region
				group by d.id, d.name_kk, d.name_ru, mb.members, d.committee_kind
				union all
				select '', null, null, count(h.id), coalesce(sum(h.people), 0), null, 2 from held h where h.district_id is null
				order by 7, 2
				""")
			.params(p)
			.query((rs, n) -> new Breakdown(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getLong(5), nullableLong(rs, 6)))
			.list();
	}

	List<Breakdown> byForm(String regionPath, int year) {
		return jdbc.sql("""
				select f.code, f.name_kk, f.name_ru, count(e.id),
				       coalesce(sum((select sum(a.participants) from attendance_count a where a.event_id = e.id)), 0)
				from training_form f
				left join (select e.id, e.form_code""" + HELD_IN_YEAR + """
				) e on e.form_code = f.code
				group by f.code, f.name_kk, f.name_ru, f.sort_order order by f.sort_order
				""")
			.params(params(regionPath, year))
			.query((rs, n) -> new Breakdown(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getLong(5), null))
			.list();
	}

	/** An event with two topics counts under both. */
	List<Breakdown> byTopic(String regionPath, int year) {
		// The year's held events first, then their topics: joining every topic of every year first and
		// the events after it read all the union's event topics (0.7 s nationally, for one region).
		return jdbc.sql("""
				select tp.code, tp.name_kk, tp.name_ru, count(e.id),
				       coalesce(sum((select sum(a.participants) from attendance_count a where a.event_id = e.id)), 0)
				from training_topic tp
				left join (select e.id, t.topic_code""" + HELD_IN_YEAR.replace(" where ",
						" join training_event_topic t on t.event_id = e.id where ") + """
				) e on e.topic_code = tp.code
				group by tp.code, tp.name_kk, tp.name_ru, tp.sort_order order by tp.sort_order
				""")
			.params(params(regionPath, year))
			.query((rs, n) -> new Breakdown(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getLong(5), null))
			.list();
	}

	List<Breakdown> byMonth(String regionPath, int year) {
		return jdbc.sql("""
				select m as month_number, count(e.id),
				       coalesce(sum((select sum(a.participants) from attendance_count a where a.event_id = e.id)), 0)
				from generate_series(1, 12) m
				left join (select e.id, e.starts_at""" + HELD_IN_YEAR + """
				) e on extract(month from e.starts_at) = m
				group by m order by month_number
				""")
			.params(params(regionPath, year))
			.query((rs, n) -> new Breakdown(Integer.toString(rs.getInt(1)), null, null, rs.getLong(2), rs.getLong(3), null))
			.list();
	}

	/** Short formats last at most {@code shortDays} calendar days. Returns [short events, short people, longer events, longer people]. */
	long[] shortAndLonger(String regionPath, int year, int shortDays) {
		Map<String, Object> p = params(regionPath, year);
		p.put("shortDays", shortDays);
		return jdbc.sql("""
				select count(*) filter (where d <= :shortDays), coalesce(sum(people) filter (where d <= :shortDays), 0),
				       count(*) filter (where d > :shortDays), coalesce(sum(people) filter (where d > :shortDays), 0)
				from (select (e.ends_at::date - e.starts_at::date + 1) as d,
				             coalesce((select sum(a.participants) from attendance_count a where a.event_id = e.id), 0) as people
				""" + HELD_IN_YEAR + ") x")
			.params(p)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) })
			.single();
	}

	// Per-organization figures and the "left out" count: MonitoringQueries (decision 19).
}
