package kz.oqytu.testsupport;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Until the rollup refresher of issue #17 keeps the reports' rollups current in every transaction,
 * the tests rebuild the monitoring's rollups once the demo data is loaded (after DemoDataLoader,
 * order 100); tests that change training figures refresh them themselves ({@link #rebuild}).
 */
@Component
@Order(101)
public class MonitoringRollupsAfterDemo implements ApplicationRunner {

	private final JdbcClient jdbc;

	MonitoringRollupsAfterDemo(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		rebuild(jdbc);
	}

	/** The monitoring's rollups again from the source, in the caller's transaction. */
	public static void rebuild(JdbcClient jdbc) {
		jdbc.sql("select reports_rollup_monitoring_rebuild()").query().listOfRows();
	}
}
