package kz.oqytu.reports.domain;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monitoring's coverage inputs ({@code reports_rollup_monitoring_trained}, {@code _open},
 * {@code _own}; decision 32), computed by the SQL functions of V220 so that the bench generator can
 * rebuild them with one select.
 */
@Component
class MonitoringRollup implements RollupTable {

	private final JdbcClient jdbc;

	MonitoringRollup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void refresh(long regionId, int year) {
		jdbc.sql("select reports_rollup_monitoring_refresh(:region, :year)")
			.param("region", regionId)
			.param("year", year)
			.query()
			.listOfRows();
	}

	@Override
	@Transactional
	public void rebuild() {
		jdbc.sql("select reports_rollup_monitoring_rebuild()").query().listOfRows();
	}
}
