package kz.oqytu.materials;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import kz.oqytu.testsupport.OqytuIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two transactions that send one organization different materials at the same time leave its receipt
 * counting both (V403, decision 65). Without the refresh's lock the second one's upsert waited for the
 * first's row and then wrote the counts it had computed before the first committed: one material lost.
 * Committed for real (no test transaction) to a school of its own, which it removes at the end.
 */
@OqytuIntegrationTest
class MaterialReceiptRaceTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void concurrentDeliveriesToOneOrganizationAreAllCounted() throws Exception {
		// a new organization (so nothing was sent to it yet), and two distributed versions of two materials
		long org = jdbc.sql("""
				insert into org_unit (id, parent_id, level, kind, name_kk, name_ru)
				values (nextval('org_unit_seq'), 4, 'PRIMARY', 'SCHOOL', 'Жарыс мектебі', 'Школа гонки') returning id""")
			.query(Long.class).single();
		List<long[]> sends = jdbc.sql("""
				select distinct on (d.material_id) d.version_id, d.material_id, d.distribution_id
				from material_delivery d order by d.material_id, d.version_id limit 2""")
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.list();
		assertThat(sends).hasSize(2);
		int before = receipt(org);
		TransactionTemplate tx = new TransactionTemplate(transactions);
		CountDownLatch firstWrote = new CountDownLatch(1);
		CountDownLatch secondStarted = new CountDownLatch(1);
		try {
			CompletableFuture<Void> first = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
				send(org, sends.get(0));
				firstWrote.countDown();
				await(secondStarted);
				// until the second's insert waits for this transaction (its lock not granted): then commit
				Awaitility.await().atMost(Duration.ofSeconds(30)).until(this::someoneWaits);
			}));
			assertThat(firstWrote.await(30, TimeUnit.SECONDS)).isTrue();
			CompletableFuture<Void> second = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
				secondStarted.countDown();
				send(org, sends.get(1));
			}));
			first.get(60, TimeUnit.SECONDS);
			second.get(60, TimeUnit.SECONDS);
			assertThat(receipt(org)).isEqualTo(before + 2).isEqualTo(recounted(org));
		}
		finally {
			jdbc.sql("delete from material_delivery where org_unit_id = :org").param("org", org).update();
			assertThat(receipt(org)).isEqualTo(before).isEqualTo(recounted(org));
			jdbc.sql("delete from org_unit where id = :org").param("org", org).update();
		}
	}

	private void send(long org, long[] s) {
		jdbc.sql("insert into material_delivery (version_id, org_unit_id, material_id, distribution_id) values (:v, :org, :m, :d)")
			.param("v", s[0]).param("org", org).param("m", s[1]).param("d", s[2]).update();
	}

	private int receipt(long org) {
		return jdbc.sql("select coalesce((select materials from material_org_receipt where org_unit_id = :org), 0)")
			.param("org", org).query(Integer.class).single();
	}

	private int recounted(long org) {
		return jdbc.sql("select count(distinct material_id)::int from material_delivery where org_unit_id = :org")
			.param("org", org).query(Integer.class).single();
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A lock some backend of this database waits for (read on a connection of the poller's own). */
	private boolean someoneWaits() {
		return jdbc.sql("select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid"
				+ " where not l.granted and a.datname = current_database()").query(Long.class).single() > 0;
	}
}
