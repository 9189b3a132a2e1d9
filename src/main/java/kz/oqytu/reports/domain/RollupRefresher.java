package kz.oqytu.reports.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import kz.oqytu.organizations.MembershipChanged;
import kz.oqytu.organizations.RegistryChanged;
import kz.oqytu.training.TrainingFiguresChanged;

/**
 * Keeps every rollup of the reports module current in the writing transaction (decision 31): the
 * training and organizations modules publish what changed, this collects the keys (organizing region,
 * year) the transaction touched and, just before it commits, has every {@link RollupTable} recompute
 * each key once. Without a transaction the keys are refreshed at once, in one of their own.
 */
@Component
class RollupRefresher {

	private static final Logger log = LoggerFactory.getLogger(RollupRefresher.class);

	/** A key of the rollups. Sorted by year, then region: the order their locks are taken in. */
	record Key(long regionId, int year) implements Comparable<Key> {

		private static final Comparator<Key> ORDER = Comparator.comparingInt(Key::year).thenComparingLong(Key::regionId);

		@Override
		public int compareTo(Key other) {
			return ORDER.compare(this, other);
		}
	}

	private final List<RollupTable> tables;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final jakarta.persistence.EntityManager entityManager;

	RollupRefresher(List<RollupTable> tables, JdbcClient jdbc, PlatformTransactionManager transactionManager,
			jakarta.persistence.EntityManager entityManager) {
		this.tables = tables;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.entityManager = entityManager;
	}

	@EventListener
	void on(TrainingFiguresChanged change) {
		Set<Key> keys = new HashSet<>();
		if (change.organizerBefore() != null && change.yearBefore() != null) {
			keys.add(new Key(regionOf(change.organizerBefore()), change.yearBefore()));
		}
		if (change.organizerAfter() != null && change.yearAfter() != null) {
			keys.add(new Key(regionOf(change.organizerAfter()), change.yearAfter()));
		}
		add(keys);
	}

	/** A snapshot on 01.01 of Y counts for the training year Y-1 (coverage) and for Y (its own date). */
	@EventListener
	void on(MembershipChanged change) {
		Set<Key> keys = new HashSet<>();
		for (long region : regionsOf(change.unitIds())) {
			for (LocalDate date : change.dates()) {
				keys.add(new Key(region, date.getYear()));
				keys.add(new Key(region, date.getYear() - 1));
			}
		}
		add(keys);
	}

	/** A unit created, moved or (de)activated: every year of the regions it left and joined. */
	@EventListener
	void on(RegistryChanged change) {
		Set<Long> units = new HashSet<>(change.unitIds());
		units.addAll(change.formerParentIds());
		Set<Key> keys = new HashSet<>();
		for (long region : regionsOf(units)) {
			for (int year : jdbc.sql("select year from reports_rollup_years(:region)").param("region", region)
				.query(Integer.class).list()) {
				keys.add(new Key(region, year));
			}
		}
		add(keys);
	}

	private long regionOf(long unitId) {
		return jdbc.sql("select reports_rollup_region(:unit)").param("unit", unitId).query(Long.class).single();
	}

	private List<Long> regionsOf(Collection<Long> unitIds) {
		if (unitIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select distinct reports_rollup_region(u) from unnest(cast(:units as bigint[])) u"
				+ " where reports_rollup_region(u) is not null")
			.param("units", unitIds.toArray(new Long[0]))
			.query(Long.class)
			.list();
	}

	private void add(Set<Key> keys) {
		if (keys.isEmpty()) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			transactions.executeWithoutResult(status -> refresh(new TreeSet<>(keys)));
			return;
		}
		@SuppressWarnings("unchecked")
		Set<Key> pending = (Set<Key>) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			Set<Key> collected = new TreeSet<>();
			pending = collected;
			TransactionSynchronizationManager.bindResource(this, collected);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					if (readOnly) {
						return;
					}
					// what JPA still holds goes to the database first: the refresh reads it there
					if (collected.isEmpty()) {
						return;
					}
					entityManager.flush();
					refresh(collected);
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(RollupRefresher.this);
				}
			});
		}
		pending.addAll(keys);
	}

	/**
	 * Read-your-writes: a transaction that changed figures and now reads a report (a service call
	 * joining the caller's transaction, a test's transaction) gets its keys refreshed first; the keys
	 * are then done, and the commit refreshes only what changes after this.
	 */
	void readYourWrites() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			return;
		}
		@SuppressWarnings("unchecked")
		Set<Key> pending = (Set<Key>) TransactionSynchronizationManager.getResource(this);
		if (pending == null || pending.isEmpty()) {
			return;
		}
		entityManager.flush();
		Set<Key> now = new TreeSet<>(pending);
		pending.clear();
		refresh(now);
	}

	/** Every rollup, every key once, keys in lock order. */
	void refresh(Set<Key> keys) {
		long started = System.nanoTime();
		for (Key key : new ArrayList<>(keys)) {
			jdbc.sql("select reports_rollup_lock(:region, :year)")
				.param("region", key.regionId())
				.param("year", key.year())
				.query((rs, n) -> 1)
				.list();
			for (RollupTable table : tables) {
				table.refresh(key.regionId(), key.year());
			}
		}
		log.debug("rollups refreshed for {} in {} ms", keys, (System.nanoTime() - started) / 1_000_000);
	}

	/** Every rollup from scratch, in one transaction (the operators' command, decision 31). */
	long rebuild() {
		long started = System.nanoTime();
		transactions.executeWithoutResult(status -> tables.forEach(RollupTable::rebuild));
		long millis = (System.nanoTime() - started) / 1_000_000;
		log.info("rollups rebuilt ({} tables) in {} ms", tables.size(), millis);
		return millis;
	}
}
