package kz.oqytu.materials;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.OrganizationCriteria;
import kz.oqytu.organizations.OrganizationRow;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The materials' receipts per organization ({@code material_org_receipt}, V403, decision 65), which the
 * deliveries' statement triggers keep and monitoring's "acknowledged everything" reads, equal a
 * recomputation from the deliveries after random distributions, new versions, downloads,
 * acknowledgements and removals; and the marks read from them equal the anti-join they replaced.
 */
@OqytuIntegrationTest
@Transactional
class MaterialReceiptTests {

	private static final long ALGA = 4;

	private static final long KOBDA = 9;

	@Autowired
	Users users;

	@Autowired
	Materials materials;

	@Autowired
	Organizations organizations;

	@Autowired
	JdbcClient jdbc;

	CurrentUser methodologist;

	CurrentUser chair;

	@BeforeEach
	void setUp() {
		methodologist = users.current("methodologist");
		chair = users.current("chair");
	}

	@Test
	void receiptsEqualTheDeliveriesAfterRandomDistributionsAcknowledgementsAndRemovals() {
		assertThat(receipts()).isEqualTo(recomputed());
		Random random = new Random(20261206);
		List<Long> candidates = new ArrayList<>();
		organizations(ALGA).forEach(o -> candidates.add(o.id()));
		organizations(KOBDA).forEach(o -> candidates.add(o.id()));
		candidates.add(chair.scopeUnitId());
		List<Long> created = new ArrayList<>();
		for (int m = 0; m < 4; m++) {
			long id = materials.create(methodologist, MaterialLibraryTests.command("Түбіртек " + m),
					MaterialFile.of("t" + m + ".pdf", MaterialTestFiles.largePdf(2000)));
			created.add(id);
			materials.distribute(methodologist, id, MaterialDistributionTests.chosen(latest(id), pick(random, candidates, 6)));
			if (random.nextBoolean()) {
				long second = materials.addVersion(methodologist, id, materials.details(methodologist, id).version(),
						"v2", MaterialFile.of("t" + m + "-2.pdf", MaterialTestFiles.largePdf(2000)));
				materials.distribute(methodologist, id, MaterialDistributionTests.chosen(second, pick(random, candidates, 4)));
			}
			assertThat(receipts()).as("after distributing material %d", m).isEqualTo(recomputed());
		}
		// the chair downloads and acknowledges some of what their organization got, any version
		for (long id : created) {
			for (SentMaterial s : materials.sentTo(chair, chair.scopeUnitId())) {
				if (s.materialId() == id && random.nextInt(3) > 0) {
					materials.download(chair, id, s.versionId());
					if (random.nextBoolean()) {
						materials.acknowledge(chair, id, s.versionId());
					}
				}
			}
		}
		// and a few other organizations acknowledge theirs (written as the chairs' requests would)
		jdbc.sql("""
				update material_delivery set acknowledged_at = now(), acknowledged_by = 'test'
				where material_id = any(:m) and acknowledged_at is null and org_unit_id % 3 = 0
				""").param("m", created.toArray(new Long[0])).update();
		assertThat(receipts()).as("after downloads and acknowledgements").isEqualTo(recomputed());
		assertThat(materials.acknowledgedAllByOrganization(methodologist)).isEqualTo(antiJoin());
		// an organization that acknowledged everything it got is marked so, then not once sent one more
		long everything = candidates.get(0);
		assertThat(materials.acknowledgedAllByOrganization(methodologist)).containsEntry(everything, false);
		jdbc.sql("update material_delivery set acknowledged_at = now(), acknowledged_by = 'test'"
				+ " where org_unit_id = :o and acknowledged_at is null").param("o", everything).update();
		assertThat(materials.acknowledgedAllByOrganization(methodologist)).containsEntry(everything, true);
		long more = materials.create(methodologist, MaterialLibraryTests.command("Түбіртек тағы"),
				MaterialFile.of("more.pdf", MaterialTestFiles.largePdf(2000)));
		materials.distribute(methodologist, more, MaterialDistributionTests.chosen(latest(more), everything));
		assertThat(materials.acknowledgedAllByOrganization(methodologist)).containsEntry(everything, false);
		// removals (no page removes a material; the cascade from SQL does) and a version's deliveries undone
		jdbc.sql("delete from material where id = :m").param("m", more).update();
		jdbc.sql("delete from material where id = :m").param("m", created.get(0)).update();
		jdbc.sql("delete from material_delivery where material_id = :m and org_unit_id % 2 = 0")
			.param("m", created.get(1))
			.update();
		assertThat(receipts()).as("after removals").isEqualTo(recomputed());
		assertThat(materials.acknowledgedAllByOrganization(methodologist)).isEqualTo(antiJoin());
	}

	@Test
	void theRebuildMakesTheSameRows() {
		long id = materials.create(methodologist, MaterialLibraryTests.command("Түбіртек қайта"),
				MaterialFile.of("r.pdf", MaterialTestFiles.largePdf(2000)));
		materials.distribute(methodologist, id, MaterialDistributionTests.chosen(latest(id), chair.scopeUnitId()));
		Map<Long, List<Integer>> before = receipts();
		jdbc.sql("update material_org_receipt set acknowledged = 0, materials = 99").update();
		Long rebuilt = jdbc.sql("select materials_org_receipt_rebuild()").query(Long.class).single();
		assertThat(rebuilt).isEqualTo(before.size());
		assertThat(receipts()).isEqualTo(before).isEqualTo(recomputed());
	}

	private Map<Long, List<Integer>> receipts() {
		Map<Long, List<Integer>> rows = new TreeMap<>();
		jdbc.sql("select org_unit_id, materials, acknowledged from material_org_receipt")
			.query(rs -> {
				rows.put(rs.getLong(1), List.of(rs.getInt(2), rs.getInt(3)));
			});
		return rows;
	}

	private Map<Long, List<Integer>> recomputed() {
		Map<Long, List<Integer>> rows = new TreeMap<>();
		jdbc.sql("""
				select d.org_unit_id, count(distinct d.material_id),
				       count(distinct d.material_id) filter (where d.acknowledged_at is not null)
				from material_delivery d group by d.org_unit_id
				""")
			.query(rs -> {
				rows.put(rs.getLong(1), List.of(rs.getInt(2), rs.getInt(3)));
			});
		return rows;
	}

	/** The statement the receipts replaced (an anti-join per organization), as the oracle of the marks. */
	private Map<Long, Boolean> antiJoin() {
		Map<Long, Boolean> rows = new TreeMap<>();
		jdbc.sql("""
				select u.id,
				       not exists (select 1 from material_delivery d where d.org_unit_id = u.id
				                   group by d.material_id having not bool_or(d.acknowledged_at is not null))
				from org_unit u
				where u.level = 'PRIMARY' and u.active and u.path like :scope
				  and exists (select 1 from material_delivery d where d.org_unit_id = u.id)
				""")
			.param("scope", methodologist.scopePath() + "%")
			.query(rs -> {
				rows.put(rs.getLong(1), rs.getBoolean(2));
			});
		return rows;
	}

	private static Long[] pick(Random random, List<Long> from, int n) {
		List<Long> copy = new ArrayList<>(from);
		java.util.Collections.shuffle(copy, random);
		return copy.subList(0, Math.min(n, copy.size())).toArray(new Long[0]);
	}

	private List<OrganizationRow> organizations(long district) {
		return organizations.search(methodologist,
				new OrganizationCriteria(null, district, null, true, null, false, 0, OrganizationCriteria.MAX_SIZE))
			.getContent();
	}

	private long latest(long id) {
		return materials.details(methodologist, id).latestVersionId();
	}
}
