package kz.oqytu.reports.domain;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The coverage rollups of V210 (reports_rollup_coverage, _persons, _members): their refresh and
 * rebuild are SQL functions, so that the bench generator, which writes past the services, can rebuild
 * them with one statement too.
 */
@Component
class CoverageRollup implements RollupTable {

	private final JdbcClient jdbc;

	CoverageRollup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void refresh(long regionId, int year) {
		jdbc.sql("select reports_rollup_coverage_refresh(:region, :year)")
			.param("region", regionId)
			.param("year", year)
			.query((rs, n) -> 1)
			.list();
	}

	@Override
	public void rebuild() {
		jdbc.sql("select reports_rollup_coverage_rebuild()").query((rs, n) -> 1).list();
	}
}
