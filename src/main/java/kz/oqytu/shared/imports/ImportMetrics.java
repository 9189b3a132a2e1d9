package kz.oqytu.shared.imports;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Prometheus counters of spreadsheet imports: {@code oqytu.imports} (files, by kind and outcome) and
 * {@code oqytu.imports.rows} (rows written). A committed import is counted only once its transaction
 * has committed, so an import that fails late is never counted as written. The kinds that exist are
 * registered at zero from the start, so a scrape lists them (and an alert's rate() has a series) before
 * the first import.
 */
@Component
public class ImportMetrics {

	private final MeterRegistry meters;

	/** The importers' kinds today: organizations' registry and membership, training's participants, budgets. */
	static final java.util.List<String> KINDS = java.util.List.of("registry", "membership", "participants", "budgets");

	public ImportMetrics(MeterRegistry meters) {
		this.meters = meters;
		for (String kind : KINDS) {
			meters.counter("oqytu.imports", "kind", kind, "outcome", "committed");
			meters.counter("oqytu.imports", "kind", kind, "outcome", "rejected");
			meters.counter("oqytu.imports.rows", "kind", kind);
		}
	}

	/** An import of {@code kind} wrote {@code rows} rows (counted after commit). */
	public void committed(String kind, int rows) {
		Runnable count = () -> {
			meters.counter("oqytu.imports", "kind", kind, "outcome", "committed").increment();
			meters.counter("oqytu.imports.rows", "kind", kind).increment(rows);
		};
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					count.run();
				}
			});
		}
		else {
			count.run();
		}
	}

	/** An import of {@code kind} was refused (invalid rows or an unreadable file). */
	public void rejected(String kind) {
		meters.counter("oqytu.imports", "kind", kind, "outcome", "rejected").increment();
	}
}
