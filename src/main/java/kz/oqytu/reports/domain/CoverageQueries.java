package kz.oqytu.reports.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import kz.oqytu.organizations.Scopes;
import kz.oqytu.reports.Breakdown;

/**
 * The coverage aggregates, each one SQL statement over the reports module's rollups (V210, decision
 * 31): a region sums the rows of its key, the country those of every key, a few hundred rows either
 * way. Only HELD events count; an event belongs to the year it starts in and to the region whose
 * body organized it. The statements they replace are the rollups' test oracle (LiveCoverageQueries).
 */
@Component
class CoverageQueries {

	private final JdbcClient jdbc;

	private final RollupRefresher refresher;

	CoverageQueries(JdbcClient jdbc, RollupRefresher refresher) {
		this.jdbc = jdbc;
		this.refresher = refresher;
	}

	/** Every statement reads the rollups after the caller's own pending changes are in them. */
	private JdbcClient.StatementSpec sql(String statement) {
		refresher.readYourWrites();
		return jdbc.sql(statement);
	}

	/**
	 * The rollup keys of a region (its own) or of the union's root (every key): the rows a page sums.
	 * {@code :region} is the region's path followed by {@code %}.
	 */
	private static String keys(String alias) {
		// an array computed once (the 22 regions and root by their level index), not a join the planner
		// may drive from every unit of the registry
		return " " + alias + ".region_id = any (array(select k.id from organizations_v_unit k where k.level in ('NATIONAL', 'REGION')"
				+ " and " + Scopes.within("k.path", "region") + ")) ";
	}

	/** The root's path has one node ("/1/"): the country, whose distinct persons are counted across keys. */
	static boolean country(String regionPath) {
		return regionPath.chars().filter(c -> c == '/').count() <= 2;
	}

	private static Long nullableLong(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static Map<String, Object> params(String regionPath, int year) {
		Map<String, Object> p = new HashMap<>();
		p.put("region", Scopes.prefix(regionPath));
		p.put("year", year);
		return p;
	}

	/** One dimension of the held events of the year, summed over the keys. */
	private static String dimension(String name) {
		return "select r.key, sum(r.events) as events, sum(r.people) as people from reports_rollup_coverage r"
				+ " where r.year = :year and r.dimension = '" + name + "' and" + keys("r") + "group by r.key";
	}

	Map<String, Long> trainedByCategory(String regionPath, int year) {
		Map<String, Long> result = new HashMap<>();
		sql(dimension("CATEGORY")).params(params(regionPath, year)).query(rs -> {
			result.put(rs.getString("key"), rs.getLong("people"));
		});
		return result;
	}

	/**
	 * Held events, named participants and distinct named persons (same name and organization). A
	 * region takes its persons; the country sums those each region counts for it (the persons'
	 * first region that year), kept on the TOTAL lines by the refresh.
	 */
	long[] eventsAndPersons(String regionPath, int year) {
		return sql("select coalesce(sum(r.events), 0) as events, coalesce(sum(r.named), 0) as named,"
				+ " coalesce(sum(r." + (country(regionPath) ? "counted" : "persons") + "), 0) as persons"
				+ " from reports_rollup_coverage r where r.year = :year and r.dimension = 'TOTAL' and" + keys("r"))
			.params(params(regionPath, year))
			.query((rs, n) -> new long[] { rs.getLong("events"), rs.getLong("named"), rs.getLong("persons") })
			.single();
	}

	/** Trained by year and category over every year with held events: [year, category, participants]. */
	List<Object[]> trainedByYearAndCategory(String regionPath) {
		return sql("select r.year, r.key, sum(r.people) as people from reports_rollup_coverage r"
				+ " where r.dimension = 'CATEGORY' and" + keys("r") + "group by r.year, r.key")
			.param("region", Scopes.prefix(regionPath))
			.query((rs, n) -> new Object[] { rs.getInt("year"), rs.getString("key"), rs.getLong("people") })
			.list();
	}

	/** Held events per year. */
	Map<Integer, Long> eventsByYear(String regionPath) {
		Map<Integer, Long> result = new java.util.TreeMap<>();
		sql("select r.year, sum(r.events) as events from reports_rollup_coverage r"
				+ " where r.dimension = 'TOTAL' and" + keys("r") + "group by r.year")
			.param("region", Scopes.prefix(regionPath))
			.query(rs -> {
				result.put(rs.getInt("year"), rs.getLong("events"));
			});
		return result;
	}

	/** Years with held events in the region, newest first. */
	List<Integer> heldYears(String regionPath) {
		return sql("select distinct r.year from reports_rollup_coverage r"
				+ " where r.dimension = 'TOTAL' and r.events > 0 and" + keys("r") + "order by r.year desc")
			.param("region", Scopes.prefix(regionPath))
			.query(Integer.class)
			.list();
	}

	/** Members of the region on each 1 January that has a snapshot. */
	Map<LocalDate, Long> membersByDate(String regionPath) {
		Map<LocalDate, Long> result = new HashMap<>();
		sql("select m.as_of, sum(m.members) as members from reports_rollup_members m where" + keys("m")
				+ "group by m.as_of")
			.param("region", Scopes.prefix(regionPath))
			.query(rs -> {
				result.put(rs.getObject("as_of", LocalDate.class), rs.getLong("members"));
			});
		return result;
	}

	/**
	 * Each committee of the region with the events held there and their participants, and its members
	 * on 01.01 of the next year (for the current, provisional year: the latest snapshot up to it);
	 * events without a district form the last line ("regional level").
	 */
	List<Breakdown> byDistrict(String regionPath, int year, boolean provisional) {
		Map<String, Object> p = params(regionPath, year);
		p.put("members", LocalDate.of(year + 1, 1, 1));
		p.put("provisional", provisional);
		// a committee without a snapshot on the base date has no members (null, "no data"), never 0
		return sql("with base as (select case when cast(:provisional as boolean)"
				+ "   then coalesce((select max(m.as_of) from reports_rollup_members m where" + keys("m")
				+ "                  and m.as_of <= cast(:members as date)), cast(:members as date))"
				+ "   else cast(:members as date) end as as_of),"
				+ " held as (" + dimension("DISTRICT") + "),"
				+ " members as (select m.district_id, sum(m.members) as members from reports_rollup_members m"
				+ "   where m.as_of = (select as_of from base) and" + keys("m") + "group by m.district_id)"
				+ " select d.id::text as key, d.name_kk, d.name_ru, coalesce(h.events, 0) as events,"
				+ "   coalesce(h.people, 0) as people, mb.members, case d.committee_kind when 'CITY' then 0 else 1 end as k"
				+ " from organizations_v_unit d left join held h on h.key = d.id::text left join members mb on mb.district_id = d.id"
				+ " where d.level = 'COMMITTEE' and " + Scopes.within("d.path", "region")
				+ " union all"
				+ " select '', null, null, coalesce(sum(h.events), 0), coalesce(sum(h.people), 0), null, 2 from held h where h.key = ''"
				+ " order by 7, 2")
			.params(p)
			.query((rs, n) -> new Breakdown(rs.getString("key"), rs.getString("name_kk"), rs.getString("name_ru"),
					rs.getLong("events"), rs.getLong("people"), nullableLong(rs, "members")))
			.list();
	}

	List<Breakdown> byForm(String regionPath, int year) {
		return catalogue("training_v_form", "FORM", regionPath, year);
	}

	/** An event with two topics counts under both. */
	List<Breakdown> byTopic(String regionPath, int year) {
		return catalogue("training_v_topic", "TOPIC", regionPath, year);
	}

	/** Every entry of a catalogue in its order, with the held events and people of the year under it. */
	private List<Breakdown> catalogue(String table, String dimension, String regionPath, int year) {
		return sql("select c.code, c.name_kk, c.name_ru, coalesce(h.events, 0) as events, coalesce(h.people, 0) as people"
				+ " from " + table + " c left join (" + dimension(dimension) + ") h on h.key = c.code order by c.sort_order")
			.params(params(regionPath, year))
			.query((rs, n) -> new Breakdown(rs.getString("code"), rs.getString("name_kk"), rs.getString("name_ru"),
					rs.getLong("events"), rs.getLong("people"), null))
			.list();
	}

	List<Breakdown> byMonth(String regionPath, int year) {
		return sql("select m as month_number, coalesce(h.events, 0) as events, coalesce(h.people, 0) as people"
				+ " from generate_series(1, 12) m left join (" + dimension("MONTH") + ") h on h.key = m::text"
				+ " order by month_number")
			.params(params(regionPath, year))
			.query((rs, n) -> new Breakdown(Integer.toString(rs.getInt("month_number")), null, null,
					rs.getLong("events"), rs.getLong("people"), null))
			.list();
	}

	/** Short formats last at most {@code shortDays} calendar days. Returns [short events, short people, longer events, longer people]. */
	long[] shortAndLonger(String regionPath, int year, int shortDays) {
		Map<String, Object> p = params(regionPath, year);
		p.put("shortDays", shortDays);
		return sql("select coalesce(sum(events) filter (where key::int <= :shortDays), 0) as short_events,"
				+ " coalesce(sum(people) filter (where key::int <= :shortDays), 0) as short_people,"
				+ " coalesce(sum(events) filter (where key::int > :shortDays), 0) as longer_events,"
				+ " coalesce(sum(people) filter (where key::int > :shortDays), 0) as longer_people"
				+ " from (" + dimension("DAYS") + ") x")
			.params(p)
			.query((rs, n) -> new long[] { rs.getLong("short_events"), rs.getLong("short_people"),
					rs.getLong("longer_events"), rs.getLong("longer_people") })
			.single();
	}

	/**
	 * The country's regions (issue 17, part 3): per key of the union's root, the year's held events,
	 * the trained of the catalogue's categories and the members on the country's base date (null: no
	 * snapshot there). The root's own key forms the last line (key "") when it has events.
	 */
	List<Breakdown> byRegion(String rootPath, int year, LocalDate membersAsOf) {
		Map<String, Object> p = params(rootPath, year);
		p.put("asOf", membersAsOf);
		return sql("""
				with t as (select r.region_id, sum(r.events) as events from reports_rollup_coverage r
				           where r.year = :year and r.dimension = 'TOTAL' group by r.region_id),
				     c as (select r.region_id, sum(r.people) as people from reports_rollup_coverage r
				           where r.year = :year and r.dimension = 'CATEGORY'
				             and r.key in (select code from training_v_category) group by r.region_id),
				     m as (select region_id, sum(members) as members from reports_rollup_members
				           where as_of = cast(:asOf as date) group by region_id)
				select case k.level when 'REGION' then k.id::text else '' end as key,
				       case k.level when 'REGION' then k.name_kk end as name_kk, case k.level when 'REGION' then k.name_ru end as name_ru,
				       coalesce(t.events, 0) as events, coalesce(c.people, 0) as people, m.members,
				       case k.level when 'REGION' then 0 else 1 end as last
				from organizations_v_unit k
				left join t on t.region_id = k.id left join c on c.region_id = k.id left join m on m.region_id = k.id
				where %s and (k.level = 'REGION' or (k.level = 'NATIONAL' and t.events > 0))
				order by last, k.name_kk
				""".formatted(Scopes.within("k.path", "region")))
			.params(p)
			.query((rs, n) -> new Breakdown(rs.getString("key"), rs.getString("name_kk"), rs.getString("name_ru"),
					rs.getLong("events"), rs.getLong("people"), nullableLong(rs, "members")))
			.list();
	}

	// Per-organization figures and the "left out" count: MonitoringQueries (decision 19).
}
