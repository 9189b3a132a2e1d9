package kz.oqytu.organizations.domain;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.OrganizationDirectory;

/** Lets accounts resolve scope nodes without depending on this module. */
@Component
class OrganizationDirectoryAdapter implements OrganizationDirectory {

	private final JdbcClient jdbc;

	OrganizationDirectoryAdapter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<UnitRef> find(long unitId) {
		return jdbc.sql("select id, path, name_kk, name_ru, level from org_unit where id = :id")
			.param("id", unitId)
			.query((rs, n) -> new UnitRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					"PRIMARY".equals(rs.getString(5))))
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public List<UnitRef> search(String text, String withinPath, int limit) {
		String like = "%" + OrganizationService.escapeLike(text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT)) + "%";
		return jdbc.sql("""
				select id, path, name_kk, name_ru, level from org_unit
				where path like :within and (lower(name_kk) like :like or lower(coalesce(name_ru, '')) like :like)
				order by case level when 'NATIONAL' then 0 when 'REGION' then 1 when 'COMMITTEE' then 2 else 3 end, name_kk
				limit :limit
				""")
			.param("within", withinPath + "%")
			.param("like", like)
			.param("limit", limit)
			.query((rs, n) -> new UnitRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					"PRIMARY".equals(rs.getString(5))))
			.list();
	}
}
