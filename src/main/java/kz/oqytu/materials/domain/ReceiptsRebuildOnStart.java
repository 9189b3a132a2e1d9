package kz.oqytu.materials.domain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The operators' rebuild command (docs/operations.md) covers the materials' receipts per organization
 * too: started with {@code --oqytu.rollups.rebuild=true}, the application makes {@code material_org_receipt}
 * again from the deliveries before it serves (V403, decision 65).
 */
@Component
@ConditionalOnProperty(name = "oqytu.rollups.rebuild", havingValue = "true")
class ReceiptsRebuildOnStart implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ReceiptsRebuildOnStart.class);

	private final JdbcClient jdbc;

	ReceiptsRebuildOnStart(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		long started = System.nanoTime();
		Long rows = jdbc.sql("select materials_org_receipt_rebuild()").query(Long.class).single();
		log.info("materials' receipts per organization rebuilt ({} organizations) in {} ms", rows,
				(System.nanoTime() - started) / 1_000_000);
	}
}
