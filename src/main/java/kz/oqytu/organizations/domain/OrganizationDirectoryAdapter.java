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

	private final org.springframework.beans.factory.ObjectProvider<kz.oqytu.organizations.Organizations> organizations;

	OrganizationDirectoryAdapter(JdbcClient jdbc,
			org.springframework.beans.factory.ObjectProvider<kz.oqytu.organizations.Organizations> organizations) {
		this.jdbc = jdbc;
		this.organizations = organizations;
	}

	@Override
	public NameLookup names(kz.oqytu.accounts.CurrentUser user) {
		kz.oqytu.organizations.NameMatcher matcher = organizations.getObject().nameMatcher(user);
		return name -> {
			kz.oqytu.organizations.NameMatcher.Match match = matcher.resolve(name, null);
			if (match.outcome() == kz.oqytu.organizations.NameMatcher.Outcome.FOUND) {
				return new Resolution(match.id(), false, null);
			}
			List<kz.oqytu.organizations.UnitOption> near = matcher.suggest(name, null, 1);
			return new Resolution(null, match.outcome() == kz.oqytu.organizations.NameMatcher.Outcome.AMBIGUOUS,
					near.isEmpty() ? null : near.get(0).name(org.springframework.context.i18n.LocaleContextHolder.getLocale()));
		};
	}

	@Override
	@Transactional(readOnly = true)
	public List<RegistryChair> primaryOrganizations(String withinPath) {
		return jdbc.sql("""
				select id, name_kk, name_ru, chair_name, chair_email, chair_phone from org_unit
				where path like :within and level = 'PRIMARY' and active
				order by name_kk, id""")
			.param("within", withinPath + "%")
			.query((rs, n) -> new RegistryChair(rs.getLong("id"), rs.getString("name_kk"), rs.getString("name_ru"),
					rs.getString("chair_name"), rs.getString("chair_email"), rs.getString("chair_phone")))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<UnitRef> find(long unitId) {
		return jdbc.sql("select id, path, name_kk, name_ru, level from org_unit where id = :id")
			.param("id", unitId)
			.query((rs, n) -> new UnitRef(rs.getLong("id"), rs.getString("path"), rs.getString("name_kk"),
					rs.getString("name_ru"), "PRIMARY".equals(rs.getString("level"))))
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
			.query((rs, n) -> new UnitRef(rs.getLong("id"), rs.getString("path"), rs.getString("name_kk"),
					rs.getString("name_ru"), "PRIMARY".equals(rs.getString("level"))))
			.list();
	}
}
