package kz.oqytu.reports.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.Role;
import kz.oqytu.organizations.OrganizationCommand;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.PrimaryKind;
import kz.oqytu.training.CatalogItem;
import kz.oqytu.training.EventCommand;
import kz.oqytu.training.EventDetails;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.Participant;
import kz.oqytu.training.ParticipantCommand;
import kz.oqytu.training.TrainingCatalog;
import kz.oqytu.training.TrainingEvents;
import kz.oqytu.training.VenueKind;
import kz.oqytu.testsupport.OqytuIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, decision 31: the rollups equal a recomputation from the events (the statements they
 * replaced, {@link LiveCoverageQueries}) for every region and the country, on random data written
 * through the services and after edits, cancellations, deletions, a snapshot change and a move of an
 * organization to another region; and a rebuild makes exactly the tables kept by the refreshes.
 * It works in three regions of its own (the demo's Aktobe figures stay as they are) and removes them.
 */
@OqytuIntegrationTest
class RollupsMatchTheEventsTests {

	private static final int SHORT_DAYS = 3;

	@Autowired
	CoverageQueries rollups;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TrainingEvents events;

	@Autowired
	Organizations organizations;

	@Autowired
	TrainingCatalog catalog;

	@Autowired
	RollupRefresher refresher;

	private final Random random = new Random(17_031);

	private final List<Long> regionIds = new ArrayList<>();

	private final Map<Long, List<Long>> districtsOf = new HashMap<>();

	private final Map<Long, List<Long>> organizationsOf = new HashMap<>();

	private final Map<Long, String> pathOf = new HashMap<>();

	private final List<Long> eventIds = new ArrayList<>();

	private final Map<Long, Long> regionOfEvent = new HashMap<>();

	private long root;

	private String rootPath;

	@Test
	void rollupsEqualTheEventsForEveryRegionAndTheCountryThroughEditsAndARebuild() {
		LiveCoverageQueries live = new LiveCoverageQueries(jdbc);
		try {
			registry();
			snapshots();
			CurrentUser national = user(root, rootPath);
			for (int i = 0; i < 240; i++) {
				event(national);
			}
			same(live, "after the first load");

			// edits: dates across years, head counts, cancellations, named lists shortened
			for (int i = 0; i < 25; i++) {
				long id = eventIds.get(random.nextInt(eventIds.size()));
				CurrentUser writer = user(regionOfEvent.get(id), pathOf.get(regionOfEvent.get(id)));
				EventDetails e = events.details(writer, id);
				switch (i % 4) {
					case 0 -> events.update(writer, id, e.version(), command(e, e.startsAt().plusYears(random.nextBoolean() ? 1 : -1),
							e.status() == EventStatus.CANCELLED ? EventStatus.HELD : e.status()));
					case 1 -> {
						if (e.namedParticipants() == 0) {
							events.recordHeadCounts(writer, id, counts());
						}
						else {
							List<Participant> list = events.participants(national, id);
							events.removeParticipant(national, id, list.get(random.nextInt(list.size())).id());
						}
					}
					case 2 -> {
						if (e.status() != EventStatus.CANCELLED) {
							events.cancel(writer, id, e.version());
						}
					}
					default -> events.update(writer, id, e.version(), command(e, e.startsAt().withMonth(1 + random.nextInt(12)),
							EventStatus.HELD));
				}
			}
			same(live, "after edits");

			// a snapshot changed, and an organization moved to a district of another region
			long organization = organizationsOf.get(regionIds.get(0)).get(0);
			organizations.recordMembership(national, organization, LocalDate.of(2023, 1, 1), 777);
			long target = districtsOf.get(regionIds.get(1)).get(1);
			var details = organizations.details(national, organization);
			organizations.update(national, organization, details.version(), new OrganizationCommand(details.nameKk(),
					details.nameRu(), PrimaryKind.SCHOOL, target, null, null, null, null, true));
			same(live, "after a snapshot change and a move to another region");

			// a rebuild from scratch makes the same rows the refreshes kept
			Map<String, List<Map<String, Object>>> kept = tables();
			refresher.rebuild();
			assertThat(tables()).isEqualTo(kept);
			same(live, "after the rebuild");
		}
		finally {
			removeWhatWasWritten();
		}
	}

	/** Every figure of every region and of the country, rollups against the live statements. */
	private void same(LiveCoverageQueries live, String when) {
		List<String> paths = new ArrayList<>();
		paths.add(rootPath);
		regionIds.forEach(r -> paths.add(pathOf.get(r)));
		for (String path : paths) {
			String where = when + " in " + path;
			assertThat(rollups.eventsByYear(path)).as(where).isEqualTo(live.eventsByYear(path));
			assertThat(rollups.heldYears(path)).as(where).isEqualTo(live.heldYears(path));
			assertThat(rollups.membersByDate(path)).as(where).isEqualTo(live.membersByDate(path));
			assertThat(byYearAndCategory(rollups.trainedByYearAndCategory(path))).as(where)
				.isEqualTo(byYearAndCategory(live.trainedByYearAndCategory(path)));
			for (int year = 2018; year <= 2026; year++) {
				String at = where + " for " + year;
				assertThat(rollups.trainedByCategory(path, year)).as(at).isEqualTo(live.trainedByCategory(path, year));
				assertThat(rollups.eventsAndPersons(path, year)).as(at).isEqualTo(live.eventsAndPersons(path, year));
				assertThat(rollups.byDistrict(path, year, false)).as(at).isEqualTo(live.byDistrict(path, year, false));
				assertThat(rollups.byDistrict(path, year, true)).as(at).isEqualTo(live.byDistrict(path, year, true));
				assertThat(rollups.byForm(path, year)).as(at).isEqualTo(live.byForm(path, year));
				assertThat(rollups.byTopic(path, year)).as(at).isEqualTo(live.byTopic(path, year));
				assertThat(rollups.byMonth(path, year)).as(at).isEqualTo(live.byMonth(path, year));
				assertThat(rollups.shortAndLonger(path, year, SHORT_DAYS)).as(at)
					.isEqualTo(live.shortAndLonger(path, year, SHORT_DAYS));
			}
		}
		// the country's regions (issue 17, part 3) add up to the country
		for (int year = 2018; year <= 2026; year++) {
			var regions = rollups.byRegion(rootPath, year, LocalDate.of(year + 1, 1, 1));
			assertThat(regions.stream().mapToLong(kz.oqytu.reports.Breakdown::events).sum()).as(when + " regions " + year)
				.isEqualTo(live.eventsAndPersons(rootPath, year)[0]);
			assertThat(regions.stream().mapToLong(kz.oqytu.reports.Breakdown::participants).sum()).as(when + " regions " + year)
				.isEqualTo(live.trainedByCategory(rootPath, year).values().stream().mapToLong(Long::longValue).sum());
			assertThat(regions.stream().filter(r -> r.members() != null).mapToLong(kz.oqytu.reports.Breakdown::members).sum())
				.as(when + " regions " + year)
				.isEqualTo(live.membersByDate(rootPath).getOrDefault(LocalDate.of(year + 1, 1, 1), 0L));
		}
		// the test must be able to fail: there is something to compare
		assertThat(rollups.eventsAndPersons(pathOf.get(regionIds.get(0)), 2021)[0]).isPositive();
	}

	private static Map<String, Long> byYearAndCategory(List<Object[]> rows) {
		Map<String, Long> result = new TreeMap<>();
		rows.forEach(r -> result.put(r[0] + "/" + r[1], (Long) r[2]));
		return result;
	}

	private Map<String, List<Map<String, Object>>> tables() {
		Map<String, List<Map<String, Object>>> result = new TreeMap<>();
		result.put("coverage", jdbc.sql("select * from reports_rollup_coverage order by region_id, year, dimension, key")
			.query().listOfRows());
		result.put("persons", jdbc.sql("select * from reports_rollup_persons order by region_id, year, organization_id, name_key")
			.query().listOfRows());
		result.put("members", jdbc.sql("select * from reports_rollup_members order by region_id, as_of, district_id")
			.query().listOfRows());
		return result;
	}

	// ---- random data through the services (the registry's regions and committees by SQL: no service makes them)

	private void registry() {
		root = jdbc.sql("select id from org_unit where level = 'NATIONAL'").query(Long.class).single();
		rootPath = jdbc.sql("select path from org_unit where id = :id").param("id", root).query(String.class).single();
		String tag = Long.toString(System.nanoTime(), 36);
		for (int r = 0; r < 3; r++) {
			long region = unit(root, "REGION", null, "Rollup region " + r + " " + tag);
			regionIds.add(region);
			pathOf.put(region, jdbc.sql("select path from org_unit where id = :id").param("id", region).query(String.class).single());
			List<Long> districts = new ArrayList<>();
			for (int d = 0; d < 3; d++) {
				districts.add(unit(region, "COMMITTEE", d == 0 ? "CITY" : "DISTRICT", "Rollup district " + r + "." + d));
			}
			districtsOf.put(region, districts);
		}
		CurrentUser national = user(root, rootPath);
		for (long region : regionIds) {
			List<Long> created = new ArrayList<>();
			for (long district : districtsOf.get(region)) {
				for (int o = 0; o < 5; o++) {
					created.add(organizations.create(national, new OrganizationCommand("Rollup school " + district + "." + o,
							null, PrimaryKind.SCHOOL, district, null, null, null, null, true)));
				}
			}
			organizationsOf.put(region, created);
		}
	}

	private long unit(long parent, String level, String committeeKind, String name) {
		return jdbc.sql("insert into org_unit (id, parent_id, level, committee_kind, name_kk) values"
				+ " (nextval('org_unit_seq'), :parent, :level, :kind, :name) returning id")
			.param("parent", parent)
			.param("level", level)
			.param("kind", committeeKind)
			.param("name", name)
			.query(Long.class)
			.single();
	}

	private void snapshots() {
		CurrentUser national = user(root, rootPath);
		for (long region : regionIds) {
			for (long organization : organizationsOf.get(region)) {
				for (int year = 2019; year <= 2025; year++) {
					if (random.nextInt(5) > 0) {
						organizations.recordMembership(national, organization, LocalDate.of(year, 1, 1), 20 + random.nextInt(80));
					}
				}
			}
		}
	}

	private void event(CurrentUser national) {
		long region = regionIds.get(random.nextInt(regionIds.size()));
		CurrentUser writer = user(region, pathOf.get(region));
		LocalDateTime starts = LocalDateTime.of(2019 + random.nextInt(6), 1 + random.nextInt(12), 1 + random.nextInt(28), 10, 0);
		boolean regional = random.nextInt(6) == 0;
		EventStatus status = random.nextInt(8) == 0 ? EventStatus.PLANNED : EventStatus.HELD;
		boolean named = random.nextInt(3) == 0;
		long id = events.create(writer, new EventCommand("Rollup event " + eventIds.size(), null, pick(catalog.forms()),
				topics(), starts, starts.plusDays(random.nextInt(6)), BigDecimal.valueOf(6),
				regional ? VenueKind.REGIONAL_OFFICE : VenueKind.COMMITTEE_PREMISES,
				regional ? null : districtsOf.get(region).get(random.nextInt(3)), null, null, null, Set.of(), null, null,
				status, named ? null : counts()));
		eventIds.add(id);
		regionOfEvent.put(id, region);
		if (named) {
			// names from a small pool, from this region's and (now and then) another region's organizations:
			// the same person at several events, and in several regions
			Map<String, ParticipantCommand> list = new java.util.LinkedHashMap<>();
			for (int i = 0, n = 1 + random.nextInt(12); i < n; i++) {
				long from = random.nextInt(5) == 0 ? regionIds.get(random.nextInt(3)) : region;
				long organization = organizationsOf.get(from).get(random.nextInt(4));
				String name = "Person " + random.nextInt(15);
				list.putIfAbsent(name + "|" + organization,
						new ParticipantCommand(name, organization, pick(catalog.categories()), null));
			}
			events.addParticipants(national, id, new ArrayList<>(list.values()));
		}
	}

	private EventCommand command(EventDetails e, LocalDateTime starts, EventStatus status) {
		return new EventCommand(e.titleKk(), e.titleRu(), pick(catalog.forms()), topics(), starts,
				starts.plusDays(random.nextInt(6)), e.academicHours(), e.venueKind(), e.districtId(), e.hostOrganizationId(),
				null, null, Set.of(), null, null, status, e.namedParticipants() == 0 ? counts() : null);
	}

	private Set<String> topics() {
		Set<String> topics = new LinkedHashSet<>();
		for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
			topics.add(pick(catalog.topics()));
		}
		return topics;
	}

	private Map<String, Integer> counts() {
		Map<String, Integer> counts = new HashMap<>();
		for (CatalogItem c : catalog.categories()) {
			if (random.nextBoolean()) {
				counts.put(c.code(), random.nextInt(40));
			}
		}
		return counts;
	}

	private String pick(List<CatalogItem> items) {
		return items.get(random.nextInt(items.size())).code();
	}

	private static CurrentUser user(long scope, String path) {
		return new CurrentUser(-1, "rollup-test", "Rollup Test", Role.METHODOLOGIST, scope, path);
	}

	private void removeWhatWasWritten() {
		Long[] ids = eventIds.toArray(new Long[0]);
		jdbc.sql("delete from event_survey where event_id = any(:ids)").param("ids", ids).update();
		jdbc.sql("delete from training_event where id = any(:ids)").param("ids", ids).update();
		List<Long> units = new ArrayList<>();
		regionIds.forEach(r -> units.addAll(organizationsOf.getOrDefault(r, List.of())));
		Long[] organizationIds = units.toArray(new Long[0]);
		jdbc.sql("delete from membership_snapshot where org_unit_id = any(:ids)").param("ids", organizationIds).update();
		jdbc.sql("delete from org_unit where id = any(:ids)").param("ids", organizationIds).update();
		regionIds.forEach(r -> units.addAll(districtsOf.getOrDefault(r, List.of())));
		jdbc.sql("delete from org_unit where id = any(:ids)").param("ids", districtsOf.values().stream()
			.flatMap(List::stream).toArray(Long[]::new)).update();
		jdbc.sql("delete from org_unit where id = any(:ids)").param("ids", regionIds.toArray(new Long[0])).update();
		jdbc.sql("select reports_rollup_coverage_rebuild()").query((rs, n) -> 1).list();
	}
}
