package kz.oqytu.surveys.domain;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import kz.oqytu.organizations.RegistryChanged;
import kz.oqytu.organizations.Scopes;
import kz.oqytu.training.TrainingFiguresChanged;

/**
 * The survey results fold (V260, decision 38): cells per organizing region, year, grouping and key,
 * which the results overview sums instead of numbering a year's responses at every page.
 *
 * <p>The survey submit adds no statement: its score row comes unfolded. A refresh adds a key's unfolded
 * rows to its cells (decision 61). What the cells cannot take by adding (an event edited, moved or
 * deleted and a unit moved, marked here in the writing transaction; a response removed, or changed after
 * it was folded, marked by triggers) is a dirty key, whose cells are recomputed whole. A reader refreshes
 * the keys of its scope and year in its own transaction before it reads ({@link #refresh}), so it reads
 * its own writes and every figure is exact; the job folds the rest in the background, so readers seldom
 * pay for it.
 */
@Component
class ResultsFold {

	private static final Logger log = LoggerFactory.getLogger(ResultsFold.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final SurveyProperties properties;

	ResultsFold(JdbcClient jdbc, PlatformTransactionManager transactionManager, SurveyProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** Refreshes the keys under the scope (a path) that are out of date, for one year or all (null). */
	int refresh(String scopePath, Integer year) {
		List<long[]> keys = jdbc.sql("select region_id, year from surveys_results_fold_dirty(:scope, :year)"
				+ " order by year, region_id")
			.param("scope", scopePath).param("year", year)
			.query((rs, n) -> new long[] { rs.getLong("region_id"), rs.getLong("year") }).list();
		for (long[] key : keys) {
			jdbc.sql("select surveys_results_fold_refresh(:region, :year, :k)").param("region", key[0])
				.param("year", (int) key[1]).param("k", properties.anonymityThreshold()).query().singleRow();
		}
		return keys.size();
	}

	/** The job: folds what the submits and the marks left, in the background, one key per transaction. */
	@Scheduled(fixedDelayString = "${oqytu.surveys.fold-delay:PT20S}", initialDelayString = "${oqytu.surveys.fold-delay:PT20S}")
	@SchedulerLock(name = "surveys-results-fold", lockAtMostFor = "PT10M")
	void fold() {
		List<long[]> keys = jdbc.sql("select region_id, year from surveys_results_fold_dirty('/', null) order by year, region_id")
			.query((rs, n) -> new long[] { rs.getLong("region_id"), rs.getLong("year") }).list();
		for (long[] key : keys) {
			transactions.executeWithoutResult(status -> {
				// Never wait for a key someone else holds (a page refreshing it, a rebuild): the job would
				// hold the fold's shared lock while waiting, and a transaction that refreshed keys and then
				// asks for the rebuild's exclusive lock would deadlock with it. A busy key is left to its
				// holder or to the next round.
				boolean free = Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock_shared(hashtextextended('surveys_results_fold', 0))")
					.query(Boolean.class).single())
						&& Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended('surveys_results_fold/' || :region || '/' || :year, 0))")
							.param("region", key[0]).param("year", (int) key[1]).query(Boolean.class).single());
				if (free) {
					jdbc.sql("select surveys_results_fold_refresh(:region, :year, :k)").param("region", key[0])
						.param("year", (int) key[1]).param("k", properties.anonymityThreshold()).query().singleRow();
				}
			});
		}
		if (!keys.isEmpty()) {
			log.debug("survey results fold: {} keys refreshed", keys.size());
		}
	}

	/** Rebuilds every cell (the operators' rebuild command, the bench generator); returns the cells. */
	long rebuild() {
		return transactions.execute(status -> jdbc.sql("select surveys_results_fold_rebuild(:k)")
			.param("k", properties.anonymityThreshold()).query(Long.class).single());
	}

	@EventListener
	void on(TrainingFiguresChanged change) {
		Set<Object[]> keys = new HashSet<>();
		if (change.organizerBefore() != null && change.yearBefore() != null) {
			keys.add(new Object[] { change.organizerBefore(), change.yearBefore() });
		}
		if (change.organizerAfter() != null && change.yearAfter() != null) {
			keys.add(new Object[] { change.organizerAfter(), change.yearAfter() });
		}
		for (Object[] key : keys) {
			jdbc.sql("""
					insert into survey_results_dirty (region_id, year)
					select surveys_fold_region(u.path), :year from organizations_v_unit u where u.id = :unit
					on conflict do nothing
					""").param("unit", key[0]).param("year", key[1]).update();
		}
	}

	/** A unit created, moved or (de)activated: every year of the keys it left and joined. */
	@EventListener
	void on(RegistryChanged change) {
		Collection<Long> units = new HashSet<>(change.unitIds());
		units.addAll(change.formerParentIds());
		if (units.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into survey_results_dirty (region_id, year)
				select distinct surveys_fold_region(u.path), y.year from organizations_v_unit u
				cross join lateral (
				    select c.year from survey_results_fold c where c.region_id = surveys_fold_region(u.path)
				    union
				    select extract(year from e.starts_at)::int from training_v_event e
				    join organizations_v_unit o on o.id = e.organizer_unit_id where %s) y
				where u.id = any (cast(:units as bigint[]))
				on conflict do nothing
				""".formatted(Scopes.under("o.path", "u.path"))).param("units", units.toArray(new Long[0])).update();
	}
}
