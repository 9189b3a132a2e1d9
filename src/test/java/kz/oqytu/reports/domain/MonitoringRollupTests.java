package kz.oqytu.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.reports.MonitoringFilter;
import kz.oqytu.testsupport.OqytuIntegrationTest;

/**
 * The monitoring's rollups (decision 32) against the live statement they replace, on random data:
 * several regions, districts and organizations; held, planned and cancelled events with and without a
 * district, organized by the root, regions and districts; named lists, counts by organization, the
 * on-site host rule; snapshots. Checked for the country, a region and a district filter, after
 * refreshing the touched keys following edits and deletions, after an organization moves (no
 * refresh), and a rebuild must give the same rows as the incremental refreshes.
 */
@OqytuIntegrationTest
@Transactional
class MonitoringRollupTests {

	private static final int YEAR = 2031;

	private static final String[] CATEGORIES = { "UNION_MEMBER", "ACTIVIST", "AUDIT_COMMISSION" };

	private static final String[] VENUES = { "COMMITTEE_PREMISES", "ON_SITE", "REGIONAL_OFFICE", "ONLINE" };

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MonitoringQueries queries;

	@Autowired
	MonitoringRollup rollup;

	private final Random random = new Random(20261204L);

	private long nextId = 970_000_000L;

	private long root;

	private final List<Long> regions = new ArrayList<>();

	private final Map<Long, List<Long>> districtsOf = new java.util.HashMap<>();

	private final Map<Long, List<Long>> orgsOf = new java.util.HashMap<>();

	private final Map<Long, Long> regionOf = new java.util.HashMap<>();

	private final List<Long> orgs = new ArrayList<>();

	private final List<Long> events = new ArrayList<>();

	@Test
	void rollupFiguresEqualTheLiveStatementAfterEditsDeletionsMovesAndARebuild() {
		rollup.rebuild();
		build();
		rollup.rebuild();
		LiveCoverageOracle oracle = new LiveCoverageOracle(jdbc);
		compare(oracle, "after a rebuild");

		// edits and deletions, each followed by a refresh of the keys it touched (before and after)
		for (int round = 0; round < 40; round++) {
			long event = events.get(random.nextInt(events.size()));
			Set<List<Long>> keys = new HashSet<>();
			keys.add(keys(event));
			switch (random.nextInt(7)) {
				case 0 -> jdbc.sql("update training_event set status = :s where id = :id")
					.param("s", List.of("HELD", "CANCELLED", "PLANNED").get(random.nextInt(3))).param("id", event).update();
				case 1 -> jdbc.sql("update training_event set starts_at = :at, ends_at = :at where id = :id")
					.param("at", start()).param("id", event).update();
				case 2 -> jdbc.sql("delete from attendance_org_count where event_id = :id").param("id", event).update();
				case 3 -> jdbc.sql("delete from event_participant where event_id = :id").param("id", event).update();
				case 4 -> {
					long organizer = organizer();
					jdbc.sql("update training_event set organizer_unit_id = :o, district_id = :d where id = :id")
						.param("o", organizer).param("d", district(organizer)).param("id", event).update();
				}
				case 5 -> jdbc.sql("update attendance_count set participants = participants + :n where event_id = :id")
					.param("n", random.nextInt(20)).param("id", event).update();
				default -> {
					for (String table : List.of("attendance_org_count", "event_participant", "attendance_count")) {
						jdbc.sql("delete from " + table + " where event_id = :id").param("id", event).update();
					}
					jdbc.sql("delete from training_event where id = :id").param("id", event).update();
					events.remove(Long.valueOf(event));
				}
			}
			if (events.contains(event)) {
				keys.add(keys(event));
			}
			keys.forEach(k -> rollup.refresh(k.get(0), k.get(1).intValue()));
			if (round % 10 == 9) {
				compare(oracle, "after edit round " + round);
			}
		}

		// an organization moves to another district of another region: read at query time, no refresh
		long moved = orgs.get(0);
		long target = districtsOf.get(regions.get(regions.size() - 1)).get(0);
		jdbc.sql("update org_unit set parent_id = :d where id = :id").param("d", target).param("id", moved).update();
		compare(oracle, "after a move");

		List<Map<String, Object>> incremental = dump();
		rollup.rebuild();
		assertThat(dump()).as("a rebuild equals the incremental refreshes").isEqualTo(incremental);
		compare(oracle, "after the last rebuild");
	}

	private void compare(LiveCoverageOracle oracle, String when) {
		List<String> scopes = new ArrayList<>(List.of(path(root)));
		regions.forEach(r -> scopes.add(path(r)));
		for (int year : new int[] { YEAR, YEAR + 1 }) {
			for (String scope : scopes) {
				assertThat(queries.coverage(scope, null, null, year)).as(when + " " + scope + " " + year)
					.isEqualTo(oracle.coverage(scope, null, null, year));
				assertThat(queries.unrecorded(scope, year)).as(when + " unrecorded " + scope)
					.isEqualTo(oracle.unrecorded(scope, year));
				List<MonitoringQueries.Coverage> all = oracle.coverage(scope, null, null, year);
				MonitoringQueries.Totals totals = queries.totals(new MonitoringQueries.Scope(scope, null, null, year),
						"true", MonitoringQueries.Marks.NONE);
				assertThat(totals.leftOut()).as(when + " left out").isEqualTo(
						all.stream().filter(c -> c.trained() == 0 && c.unrecorded() == 0).count());
				assertThat(totals.notRecorded()).as(when + " not recorded").isEqualTo(
						all.stream().filter(c -> c.trained() == 0 && c.unrecorded() > 0).count());
				assertThat(queries.page(new MonitoringQueries.Scope(scope, null, null, year),
						MonitoringQueries.condition(MonitoringFilter.NOT_RECORDED), MonitoringQueries.Marks.NONE, 0, 1000))
					.as(when + " not recorded page")
					.isEqualTo(all.stream().filter(c -> c.trained() == 0 && c.unrecorded() > 0).toList());
			}
			for (long region : regions) {
				for (long district : districtsOf.get(region)) {
					assertThat(queries.coverage(path(region), district, null, year)).as(when + " district " + district)
						.isEqualTo(oracle.coverage(path(region), district, null, year));
				}
			}
			long one = orgs.get(random.nextInt(orgs.size()));
			String path = path(one);
			assertThat(queries.coverage(path, null, one, year)).isEqualTo(oracle.coverage(path, null, one, year));
		}
	}

	private List<Map<String, Object>> dump() {
		List<Map<String, Object>> rows = new ArrayList<>();
		rows.addAll(jdbc.sql("select * from reports_rollup_monitoring_trained order by 1, 2, 3").query().listOfRows());
		rows.addAll(jdbc.sql("select * from reports_rollup_monitoring_open order by 1, 2, 3, 4 nulls first")
			.query().listOfRows());
		rows.addAll(jdbc.sql("select * from reports_rollup_monitoring_own order by 1, 2, 3, 4, 5 nulls first")
			.query().listOfRows());
		return rows;
	}

	/** The key of an event now: the REGION ancestor of its organizer (or the root) and its start year. */
	private List<Long> keys(long event) {
		return jdbc.sql("""
				select coalesce(nullif(split_part(r.path, '/', 3), '')::bigint, r.id) as region,
				       extract(year from e.starts_at)::bigint as y
				from training_event e join org_unit r on r.id = e.organizer_unit_id where e.id = :id
				""").param("id", event).query((rs, n) -> List.of(rs.getLong("region"), rs.getLong("y"))).single();
	}

	private String path(long unit) {
		return jdbc.sql("select path from org_unit where id = :id").param("id", unit).query(String.class).single();
	}

	private void build() {
		root = jdbc.sql("select id from org_unit where level = 'NATIONAL'").query(Long.class).single();
		for (int r = 0; r < 3; r++) {
			long region = unit(root, "REGION", null, null, "Өңір " + r);
			regions.add(region);
			regionOf.put(region, region);
			List<Long> districts = new ArrayList<>();
			for (int d = 0; d < 3; d++) {
				long district = unit(region, "COMMITTEE", "DISTRICT", null, "Аудан " + r + "-" + d);
				districts.add(district);
				regionOf.put(district, region);
				List<Long> primary = new ArrayList<>();
				for (int o = 0; o < 4; o++) {
					long org = unit(district, "PRIMARY", null, "SCHOOL", "Мектеп " + (char) ('А' + random.nextInt(5)) + r + d + o);
					primary.add(org);
					orgs.add(org);
					regionOf.put(org, region);
					for (int s = 0; s < random.nextInt(3); s++) {
						jdbc.sql("insert into membership_snapshot (id, org_unit_id, as_of, members) values (:id, :o, :at, :m)")
							.param("id", nextId++).param("o", org)
							.param("at", java.time.LocalDate.of(YEAR - 1 + random.nextInt(3), 1 + random.nextInt(12), 1))
							.param("m", 10 + random.nextInt(90)).update();
					}
				}
				orgsOf.put(district, primary);
			}
			districtsOf.put(region, districts);
		}
		for (int e = 0; e < 150; e++) {
			long organizer = organizer();
			Long district = district(organizer);
			String venue = VENUES[random.nextInt(VENUES.length)];
			Long host = null;
			if ("ON_SITE".equals(venue) || random.nextInt(5) == 0) {
				List<Long> near = district != null ? orgsOf.get(district) : orgs;
				host = near.get(random.nextInt(near.size()));
			}
			long id = nextId++;
			LocalDateTime at = start();
			jdbc.sql("""
					insert into training_event (id, organizer_unit_id, title_kk, form_code, starts_at, ends_at, academic_hours,
					                            venue_kind, district_id, host_organization_id, status)
					values (:id, :o, :t, 'THEMATIC_SEMINAR', :at, :at, 2, :v, :d, :h, :s)
					""").param("id", id).param("o", organizer).param("t", "Оқу " + e).param("at", at).param("v", venue)
				.param("d", district).param("h", host)
				.param("s", random.nextInt(10) < 8 ? "HELD" : (random.nextBoolean() ? "CANCELLED" : "PLANNED")).update();
			events.add(id);
			int mode = random.nextInt(4); // 0 head counts only, 1 named list, 2 counts by organization, 3 both counts
			for (String category : CATEGORIES) {
				if (random.nextInt(3) == 0) {
					continue;
				}
				int total = 5 + random.nextInt(30);
				jdbc.sql("insert into attendance_count (event_id, category_code, participants) values (:e, :c, :n)")
					.param("e", id).param("c", category).param("n", total).update();
				if (mode == 1) {
					for (int p = 0; p < 1 + random.nextInt(4); p++) {
						long org = someOrg(district);
						jdbc.sql("""
								insert into event_participant (id, event_id, full_name, name_key, organization_id, category_code)
								values (:id, :e, :n, :n, :o, :c)
								""").param("id", nextId++).param("e", id).param("n", "Адам " + nextId).param("o", org)
							.param("c", category).update();
					}
				}
				else if (mode >= 2) {
					int left = total - (mode == 3 ? 0 : random.nextInt(total));
					Set<Long> used = new HashSet<>();
					for (int p = 0; p < 1 + random.nextInt(3) && left > 0; p++) {
						long org = random.nextInt(4) == 0 && host != null ? host : someOrg(district);
						if (!used.add(org)) {
							continue;
						}
						int n = 1 + random.nextInt(left);
						left -= n;
						jdbc.sql("""
								insert into attendance_org_count (event_id, organization_id, category_code, participants)
								values (:e, :o, :c, :n)
								""").param("e", id).param("o", org).param("c", category).param("n", n).update();
					}
				}
			}
		}
	}

	private long someOrg(Long district) {
		if (district != null && random.nextInt(4) > 0) {
			List<Long> near = orgsOf.get(district);
			return near.get(random.nextInt(near.size()));
		}
		return orgs.get(random.nextInt(orgs.size()));
	}

	private long organizer() {
		int pick = random.nextInt(10);
		if (pick == 0) {
			return root;
		}
		long region = regions.get(random.nextInt(regions.size()));
		if (pick < 4) {
			return region;
		}
		List<Long> districts = districtsOf.get(region);
		return districts.get(random.nextInt(districts.size()));
	}

	/** Usually a district of the organizer's region, sometimes none (a regional-level event). */
	private Long district(long organizer) {
		if (random.nextInt(3) == 0) {
			return null;
		}
		if (organizer == root) {
			List<Long> districts = districtsOf.get(regions.get(random.nextInt(regions.size())));
			return districts.get(random.nextInt(districts.size()));
		}
		List<Long> districts = districtsOf.get(regionOf.get(organizer));
		if (districts.contains(organizer)) {
			return random.nextInt(4) == 0 ? districts.get(random.nextInt(districts.size())) : organizer;
		}
		return districts.get(random.nextInt(districts.size()));
	}

	private LocalDateTime start() {
		return LocalDateTime.of(YEAR - 1 + random.nextInt(3), 1 + random.nextInt(12), 1 + random.nextInt(28), 10, 0);
	}

	private long unit(long parent, String level, String committeeKind, String kind, String name) {
		long id = nextId++;
		jdbc.sql("""
				insert into org_unit (id, parent_id, level, committee_kind, kind, name_kk, name_ru, active)
				values (:id, :p, :l, :ck, :k, :n, :n, true)
				""").param("id", id).param("p", parent).param("l", level).param("ck", committeeKind).param("k", kind)
			.param("n", name + " " + id).update();
		return id;
	}
}
