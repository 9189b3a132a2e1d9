package kz.oqytu.organizations.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.DistrictTotals;
import kz.oqytu.organizations.MembershipPoint;
import kz.oqytu.organizations.NameMatcher;
import kz.oqytu.organizations.OrganizationNames;
import kz.oqytu.organizations.UnitAlias;
import kz.oqytu.organizations.OrganizationCommand;
import kz.oqytu.organizations.OrganizationCriteria;
import kz.oqytu.organizations.OrganizationDetails;
import kz.oqytu.organizations.OrganizationRow;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.PrimaryKind;
import kz.oqytu.organizations.UnitLevel;
import kz.oqytu.organizations.UnitInfo;
import kz.oqytu.organizations.UnitOption;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.ConflictException;
import kz.oqytu.shared.NotFoundException;
import java.time.Clock;

@Service
class OrganizationService implements Organizations {

	private static final Map<OrganizationCriteria.Sort, String> SORT_COLUMNS = Map.of(
			OrganizationCriteria.Sort.NAME, "lower(o.name_kk)",
			OrganizationCriteria.Sort.DISTRICT, "lower(d.name_kk)",
			OrganizationCriteria.Sort.KIND, "o.kind",
			OrganizationCriteria.Sort.MEMBERS, "coalesce(m.members, -1)");

	private final OrgUnitRepository units;

	private final MembershipSnapshotRepository snapshots;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final org.springframework.context.ApplicationEventPublisher publisher;

	OrganizationService(OrgUnitRepository units, MembershipSnapshotRepository snapshots, JdbcClient jdbc, Clock clock,
			org.springframework.context.ApplicationEventPublisher publisher) {
		this.publisher = publisher;
		this.clock = clock;
		this.units = units;
		this.snapshots = snapshots;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Page<OrganizationRow> search(CurrentUser user, OrganizationCriteria c) {
		StringBuilder where = new StringBuilder(" where o.level = 'PRIMARY' and o.path like :scope");
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("scope", user.scopePath() + "%");
		if (c.text() != null) {
			where.append(" and (lower(o.name_kk) like :text or lower(o.name_ru) like :text)");
			params.put("text", "%" + escapeLike(c.text().toLowerCase(java.util.Locale.ROOT)) + "%");
		}
		if (c.districtId() != null) {
			where.append(" and o.parent_id = :district");
			params.put("district", c.districtId());
		}
		if (c.kind() != null) {
			where.append(" and o.kind = :kind");
			params.put("kind", c.kind().name());
		}
		if (c.active() != null) {
			where.append(" and o.active = :active");
			params.put("active", c.active());
		}
		String from = " from org_unit o join org_unit d on d.id = o.parent_id"
				+ " left join membership_snapshot m on m.org_unit_id = o.id"
				+ " and m.as_of = (select max(as_of) from membership_snapshot)";
		long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
		String order = " order by " + SORT_COLUMNS.get(c.sort()) + (c.descending() ? " desc" : " asc") + ", o.id";
		params.put("limit", c.size());
		params.put("offset", (long) c.page() * c.size());
		List<OrganizationRow> rows = jdbc
			.sql("select o.id, o.name_kk, o.name_ru, o.kind, o.parent_id, d.name_kk as d_kk, d.name_ru as d_ru,"
					+ " m.members, o.active" + from + where + order + " limit :limit offset :offset")
			.params(params)
			.query(OrganizationService::row)
			.list();
		return new PageImpl<>(rows, PageRequest.of(c.page(), c.size()), total);
	}

	private static OrganizationRow row(ResultSet rs, int n) throws SQLException {
		return new OrganizationRow(rs.getLong("id"), rs.getString("name_kk"), rs.getString("name_ru"),
				PrimaryKind.valueOf(rs.getString("kind")), rs.getLong("parent_id"), rs.getString("d_kk"),
				rs.getString("d_ru"), (Integer) rs.getObject("members"), rs.getBoolean("active"));
	}

	@Override
	@Transactional(readOnly = true)
	public OrganizationDetails details(CurrentUser user, long id) {
		OrgUnit unit = readable(user, id);
		if (unit.getLevel() != UnitLevel.PRIMARY) {
			throw new NotFoundException("organization " + id);
		}
		OrgUnit district = units.findById(unit.getParentId()).orElseThrow();
		List<MembershipPoint> history = jdbc
			.sql("select as_of, members, members - lag(members) over (order by as_of) as change"
					+ " from membership_snapshot where org_unit_id = :id order by as_of desc")
			.param("id", id)
			.query((rs, n) -> new MembershipPoint(rs.getObject("as_of", LocalDate.class), rs.getInt("members"),
					(Integer) rs.getObject("change")))
			.list();
		return new OrganizationDetails(unit.getId(), unit.getNameKk(), unit.getNameRu(), unit.getKind(),
				district.getId(), district.getNameKk(), district.getNameRu(), unit.getAddress(), unit.getChairName(),
				unit.getChairPhone(), unit.getChairEmail(), unit.isActive(), unit.getPath(), unit.getVersion(),
				history);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean canRead(CurrentUser user, long id) {
		return units.findById(id).map(u -> user.covers(u.getPath())).orElse(false);
	}

	@Override
	@Transactional(readOnly = true)
	public List<UnitOption> committees(CurrentUser user) {
		String scope = user.scopePath();
		// A chair's scope is below the committees: show the committee their organization sits in.
		return jdbc
			.sql("select id, name_kk, name_ru from org_unit where level = 'COMMITTEE'"
					+ " and (path like :scope or :scope like path || '%')"
					+ " order by case committee_kind when 'CITY' then 0 else 1 end, name_kk")
			.param("scope", scope + "%")
			.query((rs, n) -> new UnitOption(rs.getLong("id"), rs.getString("name_kk"), rs.getString("name_ru")))
			.list();
	}

	@Override
	@Transactional
	public long create(CurrentUser user, OrganizationCommand command) {
		requireWriter(user);
		OrgUnit district = committeeInScope(user, command.districtId());
		if (units.nameTaken(district.getId(), command.nameKk().trim(), -1L)) {
			throw new BusinessRuleException("nameKk", "organizations.error.duplicateName");
		}
		OrgUnit unit = OrgUnit.primary(district.getId());
		describe(unit, command);
		long id = units.saveAndFlush(unit).getId();
		publisher.publishEvent(new kz.oqytu.organizations.RegistryChanged(java.util.Set.of(id), java.util.Set.of()));
		return id;
	}

	@Override
	@Transactional
	public void update(CurrentUser user, long id, int version, OrganizationCommand command) {
		requireWriter(user);
		OrgUnit unit = readable(user, id);
		if (unit.getLevel() != UnitLevel.PRIMARY) {
			throw new NotFoundException("organization " + id);
		}
		if (unit.getVersion() != version) {
			throw new ConflictException("organization " + id);
		}
		OrgUnit district = committeeInScope(user, command.districtId());
		if (units.nameTaken(district.getId(), command.nameKk().trim(), id)) {
			throw new BusinessRuleException("nameKk", "organizations.error.duplicateName");
		}
		Long parentBefore = unit.getParentId();
		boolean activeBefore = unit.isActive();
		unit.moveTo(district.getId());
		describe(unit, command);
		try {
			units.saveAndFlush(unit);
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			throw new ConflictException("organization " + id);
		}
		boolean moved = !java.util.Objects.equals(parentBefore, unit.getParentId());
		if (moved || activeBefore != unit.isActive()) {
			publisher.publishEvent(new kz.oqytu.organizations.RegistryChanged(java.util.Set.of(id),
					moved && parentBefore != null ? java.util.Set.of(parentBefore) : java.util.Set.of()));
		}
	}

	private static void describe(OrgUnit unit, OrganizationCommand c) {
		unit.describe(c.nameKk().trim(), blankToNull(c.nameRu()), c.kind(), blankToNull(c.address()),
				blankToNull(c.chairName()), blankToNull(c.chairPhone()), blankToNull(c.chairEmail()), c.active());
	}

	@Override
	@Transactional
	public void recordMembership(CurrentUser user, long id, LocalDate asOf, int members) {
		requireWriter(user);
		OrgUnit unit = readable(user, id);
		if (unit.getLevel() != UnitLevel.PRIMARY) {
			throw new NotFoundException("organization " + id);
		}
		MembershipRules.check(asOf, members, LocalDate.now(clock));
		MembershipSnapshot snapshot = snapshots.findByOrgUnitIdAndAsOf(id, asOf)
			.orElseGet(() -> new MembershipSnapshot(id, asOf, members));
		snapshot.setMembers(members);
		snapshots.saveAndFlush(snapshot);
		publisher.publishEvent(new kz.oqytu.organizations.MembershipChanged(java.util.Set.of(id), java.util.Set.of(asOf)));
	}

	@Override
	@Transactional(readOnly = true)
	public long totalMembers(long unitId, LocalDate asOf) {
		return jdbc
			.sql("select coalesce(sum(m.members), 0) from membership_snapshot m join org_unit o on o.id = m.org_unit_id"
					+ " where m.as_of = :asOf and o.path like (select path from org_unit where id = :unit) || '%'")
			.param("asOf", asOf)
			.param("unit", unitId)
			.query(Long.class)
			.single();
	}

	@Override
	@Transactional(readOnly = true)
	public List<DistrictTotals> districtTotals(CurrentUser user, LocalDate previous, LocalDate latest) {
		return jdbc.sql("""
				select d.id, d.name_kk, d.name_ru,
				       count(distinct o.id) filter (where o.active) as organizations,
				       coalesce(sum(m.members) filter (where m.as_of = :previous), 0) as previous,
				       coalesce(sum(m.members) filter (where m.as_of = :latest), 0) as latest
				from org_unit d
				left join org_unit o on o.parent_id = d.id and o.level = 'PRIMARY'
				left join membership_snapshot m on m.org_unit_id = o.id and m.as_of in (:previous, :latest)
				where d.level = 'COMMITTEE' and (d.path like :scope or :scope like d.path || '%')
				group by d.id, d.name_kk, d.name_ru, d.committee_kind
				order by case d.committee_kind when 'CITY' then 0 else 1 end, d.name_kk
				""")
			.param("previous", previous)
			.param("latest", latest)
			.param("scope", user.scopePath() + "%")
			.query((rs, n) -> new DistrictTotals(rs.getLong("id"), rs.getString("name_kk"), rs.getString("name_ru"),
					rs.getLong("organizations"), rs.getLong("previous"), rs.getLong("latest")))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<LocalDate> snapshotDates() {
		return jdbc.sql("select distinct as_of from membership_snapshot order by as_of desc")
			.query(LocalDate.class)
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<UnitOption> unit(long id) {
		return units.findById(id).map(u -> new UnitOption(u.getId(), u.getNameKk(), u.getNameRu()));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<UnitOption> regionOf(CurrentUser user) {
		String[] ids = user.scopePath().split("/");
		// path "/1/2/..." : ids[1] is the union, ids[2] the region when present.
		if (ids.length >= 3) {
			return unit(Long.parseLong(ids[2]));
		}
		return jdbc.sql("select id, name_kk, name_ru from org_unit where level = 'REGION' order by id limit 1")
			.query((rs, n) -> new UnitOption(rs.getLong("id"), rs.getString("name_kk"), rs.getString("name_ru")))
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public List<UnitOption> regions(CurrentUser user) {
		return jdbc.sql("select id, name_kk, name_ru from org_unit where level = 'REGION'"
				+ " and (path like :scope or :scope like path || '%') order by name_kk, id")
			.param("scope", user.scopePath() + "%")
			.query((rs, n) -> new UnitOption(rs.getLong("id"), rs.getString("name_kk"), rs.getString("name_ru")))
			.list();
	}

	@Override
	@Transactional
	public long createRegion(CurrentUser user, String nameKk, String nameRu) {
		OrgUnit root = units.findById(user.scopeUnitId())
			.filter(u -> u.getLevel() == UnitLevel.NATIONAL)
			.orElseThrow(() -> new AccessDeniedException("only an account at the union's root adds a region"));
		if (!user.is(kz.oqytu.accounts.Role.ADMIN)) {
			throw new AccessDeniedException("only an administrator adds a region");
		}
		String kk = nameKk == null ? "" : nameKk.strip();
		if (kk.isEmpty()) {
			throw new BusinessRuleException("nameKk", "validation.required");
		}
		if (kk.length() > 300 || (nameRu != null && nameRu.strip().length() > 300)) {
			throw new BusinessRuleException(kk.length() > 300 ? "nameKk" : "nameRu", "validation.tooLong");
		}
		if (units.nameTaken(root.getId(), kk, -1L)) {
			throw new BusinessRuleException("nameKk", "regions.error.duplicateName");
		}
		OrgUnit region = OrgUnit.region(root.getId());
		region.describe(kk, blankToNull(nameRu), null, null, null, null, null, true);
		return units.saveAndFlush(region).getId();
	}

	@Override
	@Transactional(readOnly = true)
	public boolean registryEmpty() {
		return units.countByLevel(UnitLevel.PRIMARY) == 0;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<UnitInfo> info(long id) {
		return units.findById(id).map(u -> new UnitInfo(u.getId(), u.getLevel(), u.getParentId(), u.getPath(),
				u.getNameKk(), u.getNameRu(), u.isActive()));
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, UnitInfo> infos(java.util.Collection<Long> ids) {
		Map<Long, UnitInfo> result = new java.util.HashMap<>();
		if (ids.isEmpty()) {
			return result;
		}
		jdbc.sql("select id, level, parent_id, path, name_kk, name_ru, active from org_unit where id = any(:ids)")
			.param("ids", ids.toArray(new Long[0]))
			.query(rs -> {
				result.put(rs.getLong("id"), new UnitInfo(rs.getLong("id"), UnitLevel.valueOf(rs.getString("level")),
						(Long) rs.getObject("parent_id"), rs.getString("path"), rs.getString("name_kk"),
						rs.getString("name_ru"), rs.getBoolean("active")));
			});
		return result;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, Long> nameIndex(CurrentUser user) {
		return nameIndex(user.scopePath());
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, Long> nameIndex(String scopePath) {
		Map<String, Long> index = new java.util.HashMap<>();
		java.util.Set<String> ambiguous = new java.util.HashSet<>();
		jdbc.sql("select id, name_kk, name_ru from org_unit where level in ('COMMITTEE', 'PRIMARY') and path like :scope")
			.param("scope", scopePath + "%")
			.query(rs -> {
				long id = rs.getLong("id");
				for (String name : new String[] { rs.getString("name_kk"), rs.getString("name_ru") }) {
					if (name == null || name.isBlank()) {
						continue;
					}
					String key = Organizations.nameKey(name);
					Long existing = index.putIfAbsent(key, id);
					if (existing != null && existing != id) {
						ambiguous.add(key);
					}
				}
			});
		ambiguous.forEach(key -> index.put(key, null));
		return index;
	}

	@Override
	@Transactional(readOnly = true)
	public List<UnitOption> suggest(CurrentUser user, String text, int limit) {
		return suggest(user.scopePath(), text, limit, "('COMMITTEE', 'PRIMARY')");
	}

	@Override
	@Transactional(readOnly = true)
	public List<UnitOption> suggestPrimary(String scopePath, String text, int limit) {
		return suggest(scopePath, text, limit, "('PRIMARY')");
	}

	private List<UnitOption> suggest(String scopePath, String text, int limit, String levels) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		String t = text.strip().toLowerCase(java.util.Locale.ROOT);
		// levels is one of two constants above, never user input
		return jdbc.sql("""
				select id, name_kk, name_ru from org_unit
				where active and level in """ + levels + """
				 and path like :scope
				  and (lower(name_kk) % :t or lower(coalesce(name_ru, '')) % :t
				       or lower(name_kk) like :like or lower(coalesce(name_ru, '')) like :like)
				order by greatest(similarity(lower(name_kk), :t), similarity(lower(coalesce(name_ru, '')), :t)) desc, name_kk
				limit :limit
				""")
			.param("scope", scopePath + "%")
			.param("t", t)
			.param("like", "%" + escapeLike(t) + "%")
			.param("limit", limit)
			.query((rs, n) -> new UnitOption(rs.getLong("id"), rs.getString("name_kk"), rs.getString("name_ru")))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public NameMatcher nameMatcher(CurrentUser user) {
		return nameMatcher(user.scopePath());
	}

	@Override
	@Transactional(readOnly = true)
	public List<UnitOption> primaryOrganizations(String scopePath, int limit) {
		return jdbc.sql("""
				select id, name_kk, name_ru from org_unit
				where active and level = 'PRIMARY' and path like :scope
				order by name_kk limit :limit
				""")
			.param("scope", scopePath + "%")
			.param("limit", limit)
			.query((rs, n) -> new UnitOption(rs.getLong("id"), rs.getString("name_kk"), rs.getString("name_ru")))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public NameMatcher nameMatcher(String scopePath) {
		List<NameMatcher.Unit> found = new java.util.ArrayList<>();
		List<String> districtNames = new java.util.ArrayList<>();
		jdbc.sql("""
				select id, name_kk, name_ru, level, parent_id from org_unit
				where level in ('COMMITTEE', 'PRIMARY') and path like :scope
				order by id
				""")
			.param("scope", scopePath + "%")
			.query(rs -> {
				long id = rs.getLong("id");
				boolean committee = "COMMITTEE".equals(rs.getString("level"));
				if (committee) {
					districtNames.add(rs.getString("name_kk"));
					if (rs.getString("name_ru") != null) {
						districtNames.add(rs.getString("name_ru"));
					}
				}
				found.add(new NameMatcher.Unit(id, rs.getString("name_kk"), rs.getString("name_ru"),
						committee ? id : rs.getLong("parent_id")));
			});
		Map<String, Long> aliasKeys = new java.util.HashMap<>();
		java.util.Set<String> shared = new java.util.HashSet<>();
		jdbc.sql("""
				select a.alias_key, a.org_unit_id from org_unit_aliases a join org_unit u on u.id = a.org_unit_id
				where u.path like :scope
				""")
			.param("scope", scopePath + "%")
			.query(rs -> {
				Long before = aliasKeys.putIfAbsent(rs.getString("alias_key"), rs.getLong("org_unit_id"));
				if (before != null && before != rs.getLong("org_unit_id")) {
					shared.add(rs.getString("alias_key"));
				}
			});
		shared.forEach(k -> aliasKeys.put(k, null));
		return new NameMatcher(found, aliasKeys, districtNames);
	}

	@Override
	@Transactional
	public void addAliases(CurrentUser user, Map<String, Long> organizationBySpelling) {
		requireWriter(user);
		java.time.Instant now = java.time.Instant.now(clock);
		for (Map.Entry<String, Long> e : organizationBySpelling.entrySet()) {
			OrgUnit unit = readable(user, e.getValue());
			String alias = e.getKey() == null ? "" : e.getKey().strip().replaceAll("\\s+", " ");
			String key = OrganizationNames.key(alias);
			if (key.isEmpty() || alias.length() > 300) {
				continue;
			}
			jdbc.sql("""
					insert into org_unit_aliases (org_unit_id, alias, alias_key, scope_path, created_by, created_at)
					values (:unit, :alias, :key, :scope, :by, :now)
					on conflict (scope_path, alias_key) do update
					set org_unit_id = excluded.org_unit_id, alias = excluded.alias,
					    created_by = excluded.created_by, created_at = excluded.created_at
					where org_unit_aliases.org_unit_id <> excluded.org_unit_id
					""")
				.param("unit", unit.getId())
				.param("alias", alias)
				.param("key", key)
				.param("scope", regionPath(unit.getPath()))
				.param("by", user.username())
				.param("now", java.sql.Timestamp.from(now))
				.update();
		}
	}

	@Override
	@Transactional(readOnly = true)
	public List<UnitAlias> aliases(CurrentUser user, long unitId) {
		readable(user, unitId);
		return jdbc.sql("""
				select id, org_unit_id, alias, created_by, created_at from org_unit_aliases
				where org_unit_id = :unit order by created_at, id
				""")
			.param("unit", unitId)
			.query((rs, n) -> new UnitAlias(rs.getLong("id"), rs.getLong("org_unit_id"), rs.getString("alias"),
					rs.getString("created_by"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	@Override
	@Transactional
	public void removeAlias(CurrentUser user, long unitId, long aliasId) {
		requireWriter(user);
		readable(user, unitId);
		jdbc.sql("delete from org_unit_aliases where id = :id and org_unit_id = :unit")
			.param("id", aliasId)
			.param("unit", unitId)
			.update();
	}

	/** The region's path ("/1/2/") of a node below it: where an alias applies. */
	static String regionPath(String path) {
		String[] parts = path.split("/");
		return parts.length >= 3 ? "/" + parts[1] + "/" + parts[2] + "/" : path;
	}

	OrgUnit readable(CurrentUser user, long id) {
		OrgUnit unit = units.findById(id).orElseThrow(() -> new NotFoundException("organization " + id));
		if (!user.covers(unit.getPath())) {
			throw new AccessDeniedException("organization " + id + " is outside the user's scope");
		}
		return unit;
	}

	private OrgUnit committeeInScope(CurrentUser user, long districtId) {
		OrgUnit district = units.findById(districtId)
			.filter(d -> d.getLevel() == UnitLevel.COMMITTEE)
			.orElseThrow(() -> new BusinessRuleException("districtId", "organizations.error.districtUnknown"));
		if (!user.covers(district.getPath())) {
			throw new AccessDeniedException("committee " + districtId + " is outside the user's scope");
		}
		return district;
	}

	private static void requireWriter(CurrentUser user) {
		if (!user.writesTraining()) {
			throw new AccessDeniedException("read-only role");
		}
	}

	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
