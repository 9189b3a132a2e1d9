package kz.oqytu.reports.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import kz.oqytu.reports.Breakdown;

/**
 * The coverage aggregates of one district or city committee (issue 22: a district's staff report),
 * over the events held in it ({@code training_event.district_id}), whoever organized them: the same
 * events and the same sums as the committee's line in its region's report ("by district", the
 * rollups' DISTRICT dimension), so the district's report and the region's agree. A district holds a
 * few hundred events a year, read through the district index; no rollup of its own. Members come
 * from the members rollup, which keeps them by district.
 */
@Component
class DistrictCoverageQueries {

	/** The district's held events of the year with what the rollups sum (people, named, days). */
	private static final String HELD = """
			held as (select e.id, e.form_code, extract(month from e.starts_at)::int as month,
			                (e.ends_at::date - e.starts_at::date + 1) as days,
			                coalesce((select sum(a.participants) from training_v_attendance a where a.event_id = e.id), 0) as people
			         from training_v_event e
			         where e.district_id = :district and e.status = 'HELD' and e.starts_at >= :from and e.starts_at < :to)
			""";

	private final JdbcClient jdbc;

	private final RollupRefresher refresher;

	DistrictCoverageQueries(JdbcClient jdbc, RollupRefresher refresher) {
		this.jdbc = jdbc;
		this.refresher = refresher;
	}

	/** The members are read from the rollup: after the caller's own pending changes are in it. */
	private JdbcClient.StatementSpec sql(String statement) {
		refresher.readYourWrites();
		return jdbc.sql(statement);
	}

	private static Map<String, Object> params(long districtId, int year) {
		Map<String, Object> p = new HashMap<>();
		p.put("district", districtId);
		p.put("from", LocalDate.of(year, 1, 1).atStartOfDay());
		p.put("to", LocalDate.of(year + 1, 1, 1).atStartOfDay());
		return p;
	}

	Map<String, Long> trainedByCategory(long districtId, int year) {
		Map<String, Long> result = new HashMap<>();
		sql("with " + HELD + " select a.category_code, sum(a.participants) as people"
				+ " from held h join training_v_attendance a on a.event_id = h.id group by a.category_code")
			.params(params(districtId, year))
			.query(rs -> {
				result.put(rs.getString("category_code"), rs.getLong("people"));
			});
		return result;
	}

	/** Held events, named participants and distinct named persons (same name and organization). */
	long[] eventsAndPersons(long districtId, int year) {
		return sql("with " + HELD + " select (select count(*) from held) as events, coalesce(sum(n), 0) as named,"
				+ " count(*) as persons from (select count(*) as n from held h join training_v_participant p on p.event_id = h.id"
				+ " group by p.name_key, p.organization_id) x")
			.params(params(districtId, year))
			.query((rs, n) -> new long[] { rs.getLong("events"), rs.getLong("named"), rs.getLong("persons") })
			.single();
	}

	/** Trained by year and category over every year with held events: [year, category, participants]. */
	List<Object[]> trainedByYearAndCategory(long districtId) {
		return sql("""
				select extract(year from e.starts_at)::int as year, a.category_code, sum(a.participants) as people
				from training_v_event e join training_v_attendance a on a.event_id = e.id
				where e.district_id = :district and e.status = 'HELD'
				group by 1, 2
				""")
			.param("district", districtId)
			.query((rs, n) -> new Object[] { rs.getInt("year"), rs.getString("category_code"), rs.getLong("people") })
			.list();
	}

	/** Held events per year. */
	Map<Integer, Long> eventsByYear(long districtId) {
		Map<Integer, Long> result = new java.util.TreeMap<>();
		sql("select extract(year from e.starts_at)::int as year, count(*) as events from training_v_event e"
				+ " where e.district_id = :district and e.status = 'HELD' group by 1")
			.param("district", districtId)
			.query(rs -> {
				result.put(rs.getInt("year"), rs.getLong("events"));
			});
		return result;
	}

	/** Years with held events in the district, newest first. */
	List<Integer> heldYears(long districtId) {
		return List.copyOf(new java.util.TreeSet<>(eventsByYear(districtId).keySet()).descendingSet());
	}

	/** Members of the district's organizations on each 1 January that has a snapshot. */
	Map<LocalDate, Long> membersByDate(long districtId) {
		Map<LocalDate, Long> result = new HashMap<>();
		sql("select m.as_of, sum(m.members) as members from reports_rollup_members m where m.district_id = :district"
				+ " group by m.as_of")
			.param("district", districtId)
			.query(rs -> {
				result.put(rs.getObject("as_of", LocalDate.class), rs.getLong("members"));
			});
		return result;
	}

	/** One dimension of the held events: [key, events, people]. */
	private Map<String, long[]> dimension(String key, long districtId, int year) {
		Map<String, long[]> result = new HashMap<>();
		sql("with " + HELD + " select " + key + " as key, count(*) as events, sum(people) as people from held h group by 1")
			.params(params(districtId, year))
			.query(rs -> {
				result.put(rs.getString("key"), new long[] { rs.getLong("events"), rs.getLong("people") });
			});
		return result;
	}

	List<Breakdown> byForm(long districtId, int year) {
		return catalogue("training_v_form", dimension("h.form_code", districtId, year));
	}

	/** An event with two topics counts under both. */
	List<Breakdown> byTopic(long districtId, int year) {
		Map<String, long[]> held = new HashMap<>();
		sql("with " + HELD + " select t.topic_code as key, count(*) as events, sum(h.people) as people"
				+ " from held h join training_v_event_topic t on t.event_id = h.id group by 1")
			.params(params(districtId, year))
			.query(rs -> {
				held.put(rs.getString("key"), new long[] { rs.getLong("events"), rs.getLong("people") });
			});
		return catalogue("training_v_topic", held);
	}

	/** Every entry of a catalogue in its order, with the held events and people under it. */
	private List<Breakdown> catalogue(String table, Map<String, long[]> held) {
		return jdbc.sql("select c.code, c.name_kk, c.name_ru from " + table + " c order by c.sort_order")
			.query((rs, n) -> {
				long[] h = held.getOrDefault(rs.getString("code"), new long[2]);
				return new Breakdown(rs.getString("code"), rs.getString("name_kk"), rs.getString("name_ru"), h[0], h[1], null);
			})
			.list();
	}

	List<Breakdown> byMonth(long districtId, int year) {
		Map<String, long[]> held = dimension("h.month::text", districtId, year);
		List<Breakdown> months = new java.util.ArrayList<>();
		for (int m = 1; m <= 12; m++) {
			long[] h = held.getOrDefault(Integer.toString(m), new long[2]);
			months.add(new Breakdown(Integer.toString(m), null, null, h[0], h[1], null));
		}
		return months;
	}

	/** Short formats last at most {@code shortDays} calendar days: [short events, short people, longer events, longer people]. */
	long[] shortAndLonger(long districtId, int year, int shortDays) {
		long[] result = new long[4];
		dimension("h.days::text", districtId, year).forEach((days, h) -> {
			int offset = Integer.parseInt(days) <= shortDays ? 0 : 2;
			result[offset] += h[0];
			result[offset + 1] += h[1];
		});
		return result;
	}

	/** The held events' head count not recorded by organization, of the events held in the district. */
	long[] unrecorded(long districtId, int year) {
		return sql("""
				select coalesce(sum(x.events), 0) as events, coalesce(sum(x.people), 0) as people
				from reports_rollup_monitoring_open x
				where x.year = :year and x.district_id = :district
				""")
			.param("district", districtId)
			.param("year", year)
			.query((rs, n) -> new long[] { rs.getLong("events"), rs.getLong("people") })
			.single();
	}
}
