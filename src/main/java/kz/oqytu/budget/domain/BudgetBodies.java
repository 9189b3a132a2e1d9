package kz.oqytu.budget.domain;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import kz.oqytu.organizations.UnitLevel;

/**
 * Reads the union bodies a budget can belong to from the org_unit tree (the organizations
 * module's table, read only, by id and path), so that scope checks and lists are single queries.
 */
@Component
class BudgetBodies {

	private final JdbcClient jdbc;

	BudgetBodies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A node that can hold a budget: the regional organization, a committee, a primary organization. */
	record Body(long id, UnitLevel level, String path, String nameKk, String nameRu) {
	}

	Optional<Body> find(long unitId) {
		return jdbc.sql("select id, level, path, name_kk, name_ru from organizations_v_unit where id = :id")
			.param("id", unitId)
			.query((rs, n) -> new Body(rs.getLong("id"), UnitLevel.valueOf(rs.getString("level")),
					rs.getString("path"), rs.getString("name_kk"), rs.getString("name_ru")))
			.optional()
			.filter(b -> b.level() != UnitLevel.NATIONAL);
	}
}
