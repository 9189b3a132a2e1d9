package kz.oqytu.shared.imports;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Prometheus counters of spreadsheet imports: {@code oqytu.imports} (files, by kind and outcome) and
 * {@code oqytu.imports.rows} (rows written). A committed import is counted only once its transaction
 * has committed, so an import that fails late is never counted as written.
 */
@Component
public class ImportMetrics {

	private final MeterRegistry meters;

	public ImportMetrics(MeterRegistry meters) {
		this.meters = meters;
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
