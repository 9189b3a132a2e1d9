package kz.oqytu.materials.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.Role;
import kz.oqytu.materials.Delivery;
import kz.oqytu.materials.Distributed;
import kz.oqytu.materials.DistributionCommand;
import kz.oqytu.materials.DistributionTarget;
import kz.oqytu.materials.DistributionView;
import kz.oqytu.materials.FileType;
import kz.oqytu.materials.MaterialDetails;
import kz.oqytu.materials.MaterialLanguage;
import kz.oqytu.materials.MaterialStatus;
import kz.oqytu.materials.MaterialType;
import kz.oqytu.materials.MissingRow;
import kz.oqytu.materials.RecipientRow;
import kz.oqytu.materials.Register;
import kz.oqytu.materials.RegisterCriteria;
import kz.oqytu.materials.SentMaterial;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.Scopes;
import kz.oqytu.organizations.UnitInfo;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.LocalizedText;
import kz.oqytu.shared.NotFoundException;
import java.time.Clock;

/**
 * The distribution register: sending a version to primary organizations, what each received,
 * downloaded and acknowledged, and who lacks the latest version. Runs in the transactions of
 * {@link MaterialService}; every list is one or two statements whatever the number of organizations.
 */
@Component
class Distributions {

	static final int MAX_SENT = 1000;

	static final int MAX_HISTORY = 100;

	static final int MAX_NAMES_SHOWN = 10;

	private final JdbcClient jdbc;

	private final MaterialAccess access;

	private final Organizations organizations;

	private final Clock clock;

	Distributions(JdbcClient jdbc, MaterialAccess access, Organizations organizations, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.access = access;
		this.organizations = organizations;
	}

	// ---- sending

	Distributed distribute(CurrentUser user, long materialId, DistributionCommand command) {
		MaterialAccess.requireWriter(user);
		MaterialAccess.Owned owned = access.owned(materialId);
		if (!MaterialAccess.staffReads(user, owned.ownerPath())) {
			throw new AccessDeniedException("material " + materialId + " is outside the user's scope");
		}
		boolean versionOfMaterial = jdbc.sql("select exists (select 1 from material_version where id = :v and material_id = :m)")
			.param("v", command.versionId())
			.param("m", materialId)
			.query(Boolean.class)
			.single();
		if (!versionOfMaterial) {
			throw new BusinessRuleException("versionId", "materials.error.versionUnknown");
		}
		LocalDate sentOn = command.sentOn();
		if (sentOn == null || sentOn.isAfter(LocalDate.now(clock)) || sentOn.getYear() < 2000) {
			throw new BusinessRuleException("sentOn", "materials.error.sentOn");
		}
		String note = command.note() == null || command.note().isBlank() ? null : command.note().strip();
		if (note != null && note.length() > MaterialService.MAX_NOTE) {
			throw new BusinessRuleException("note", "validation.tooLong");
		}
		if (command.target() == null) {
			throw new BusinessRuleException("target", "validation.required");
		}
		String audience = MaterialAccess.audience(user, owned.ownerPath());
		Map<String, Object> params = new HashMap<>();
		params.put("audience", Scopes.prefix(audience));
		String recipients = switch (command.target()) {
			case ALL -> "true";
			case DISTRICTS -> {
				params.put("districts", districts(command.districtIds(), audience).toArray(new Long[0]));
				yield "u.parent_id = any(:districts)";
			}
			case ORGANIZATIONS -> {
				params.put("organizations", organizations(user, command, audience).toArray(new Long[0]));
				yield "u.id = any(:organizations)";
			}
		};
		long distributionId = jdbc.sql("select nextval('material_distribution_seq')").query(Long.class).single();
		jdbc.sql("""
				insert into material_distribution (id, material_id, version_id, sent_on, note, target, district_ids, created_by)
				values (:id, :material, :version, :sentOn, :note, :target, :districts, :by)
				""")
			.param("id", distributionId)
			.param("material", materialId)
			.param("version", command.versionId())
			.param("sentOn", sentOn)
			.param("note", note)
			.param("target", command.target().name())
			.param("districts", command.target() == DistributionTarget.DISTRICTS ? params.get("districts") : null)
			.param("by", user.username())
			.update();
		params.put("version", command.versionId());
		params.put("material", materialId);
		params.put("distribution", distributionId);
		// recipients is one of three constants above, never user input.
		int[] counts = jdbc.sql("""
				with candidates as (
				    select u.id from organizations_v_unit u
				    where u.level = 'PRIMARY' and u.active and %s and\s""".formatted(Scopes.within("u.path", "audience"))
				+ recipients + """
				), added as (
				    insert into material_delivery (version_id, org_unit_id, material_id, distribution_id)
				    select :version, c.id, :material, :distribution from candidates c
				    on conflict (version_id, org_unit_id) do nothing
				    returning 1
				)
				select (select count(*) from candidates) as candidates, (select count(*) from added) as added
				""")
			.params(params)
			.query((rs, n) -> new int[] { rs.getInt("candidates"), rs.getInt("added") })
			.single();
		if (counts[1] == 0) {
			// Rolled back with the exception: a distribution that reached nobody is not recorded.
			throw new BusinessRuleException(counts[0] == 0 ? "materials.error.noRecipients" : "materials.error.allHadIt");
		}
		jdbc.sql("update material_distribution set recipients = :n where id = :id")
			.param("n", counts[1])
			.param("id", distributionId)
			.update();
		return new Distributed(distributionId, counts[1], counts[0] - counts[1]);
	}

	private Set<Long> districts(Set<Long> ids, String audience) {
		if (ids.isEmpty()) {
			throw new BusinessRuleException("districtIds", "materials.error.districtsRequired");
		}
		Map<Long, UnitInfo> found = organizations.infos(ids);
		for (Long id : ids) {
			UnitInfo unit = found.get(id);
			if (unit == null || !unit.isCommittee() || !unit.path().startsWith(audience)) {
				throw new BusinessRuleException("districtIds", "materials.error.districtUnknown");
			}
		}
		return ids;
	}

	/** Chosen organizations by id and by registry name; all must be active primary organizations in the audience. */
	private Set<Long> organizations(CurrentUser user, DistributionCommand command, String audience) {
		Set<Long> ids = new LinkedHashSet<>(command.organizationIds());
		List<String> unknown = new ArrayList<>();
		List<String> names = command.organizationNames().stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
		if (!names.isEmpty()) {
			Map<String, Long> index = organizations.nameIndex(user);
			for (String name : names) {
				Long id = index.get(Organizations.nameKey(name));
				if (id == null) {
					unknown.add(name);
				}
				else {
					ids.add(id);
				}
			}
		}
		Map<Long, UnitInfo> found = ids.isEmpty() ? Map.of() : organizations.infos(ids);
		for (Long id : ids) {
			UnitInfo unit = found.get(id);
			if (unit == null || !unit.isPrimary() || !unit.active() || !unit.path().startsWith(audience)) {
				unknown.add(unit == null ? "#" + id : unit.nameKk());
			}
		}
		if (!unknown.isEmpty()) {
			List<String> shown = unknown.stream().distinct().limit(MAX_NAMES_SHOWN).toList();
			throw new BusinessRuleException("organizations", "materials.error.organizationsUnknown",
					String.join("; ", shown), unknown.size());
		}
		if (ids.isEmpty()) {
			throw new BusinessRuleException("organizations", "materials.error.organizationsRequired");
		}
		return ids;
	}

	// ---- what organizations did

	/** Marks the chair's organization's copy downloaded (the first time); false when it was not sent to them. */
	boolean recordDownload(CurrentUser chair, long materialId, long versionId) {
		int updated = jdbc.sql("update material_delivery set downloaded_at = :now, downloaded_by = :by"
				+ " where version_id = :v and material_id = :m and org_unit_id = :org and downloaded_at is null")
			.param("now", java.time.OffsetDateTime.now(clock))
			.param("by", chair.username())
			.param("v", versionId)
			.param("m", materialId)
			.param("org", chair.scopeUnitId())
			.update();
		return updated > 0 || delivered(materialId, versionId, chair.scopeUnitId());
	}

	void acknowledge(CurrentUser user, long materialId, long versionId) {
		if (!user.is(Role.CHAIR)) {
			throw new AccessDeniedException("only the chair of the receiving organization acknowledges receipt");
		}
		int updated = jdbc.sql("update material_delivery set acknowledged_at = :now, acknowledged_by = :by"
				+ " where version_id = :v and material_id = :m and org_unit_id = :org and acknowledged_at is null")
			.param("now", java.time.OffsetDateTime.now(clock))
			.param("by", user.username())
			.param("v", versionId)
			.param("m", materialId)
			.param("org", user.scopeUnitId())
			.update();
		if (updated == 0 && !delivered(materialId, versionId, user.scopeUnitId())) {
			throw new AccessDeniedException("version " + versionId + " was not sent to the user's organization");
		}
	}

	private boolean delivered(long materialId, long versionId, long organizationId) {
		return jdbc.sql("select exists (select 1 from material_delivery where version_id = :v and material_id = :m"
				+ " and org_unit_id = :org)")
			.param("v", versionId)
			.param("m", materialId)
			.param("org", organizationId)
			.query(Boolean.class)
			.single();
	}

	// ---- reading

	MaterialDetails.Summary summary(long latestVersionId, String audience) {
		return jdbc.sql("""
				select count(*) as audience, count(d.org_unit_id) as received, count(d.downloaded_at) as downloaded,
				       count(d.acknowledged_at) as acknowledged
				from organizations_v_unit u
				left join material_delivery d on d.org_unit_id = u.id and d.version_id = :latest
				where u.level = 'PRIMARY' and u.active and %s
				""".formatted(Scopes.within("u.path", "audience")))
			.param("latest", latestVersionId)
			.param("audience", Scopes.prefix(audience))
			.query((rs, n) -> new MaterialDetails.Summary(rs.getLong("audience"), rs.getLong("received"),
					rs.getLong("downloaded"), rs.getLong("acknowledged"), rs.getLong("audience") - rs.getLong("received")))
			.single();
	}

	/** The material's distributions that reached organizations of the audience, newest first. */
	List<DistributionView> history(long materialId, String audience) {
		record Row(long id, long versionId, int number, LocalDate sentOn, String note, DistributionTarget target,
				List<Long> districts, int recipients, String by, Instant at) {
		}
		List<Row> rows = jdbc.sql("""
				select x.id, x.version_id, v.number, x.sent_on, x.note, x.target, x.district_ids, x.recipients,
				       x.created_by, x.created_at
				from material_distribution x
				join material_version v on v.id = x.version_id
				where x.material_id = :material
				  and exists (select 1 from material_delivery d join organizations_v_unit u on u.id = d.org_unit_id
				              where d.distribution_id = x.id and %s)
				order by x.sent_on desc, x.id desc
				limit :limit
				""".formatted(Scopes.within("u.path", "audience")))
			.param("material", materialId)
			.param("audience", Scopes.prefix(audience))
			.param("limit", MAX_HISTORY)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("version_id"), rs.getInt("number"),
					rs.getObject("sent_on", LocalDate.class), rs.getString("note"),
					DistributionTarget.valueOf(rs.getString("target")), ids(rs.getArray("district_ids")),
					rs.getInt("recipients"), rs.getString("created_by"), MaterialService.instant(rs, "created_at")))
			.list();
		Set<Long> districtIds = new LinkedHashSet<>();
		rows.forEach(r -> districtIds.addAll(r.districts()));
		Map<Long, UnitInfo> names = districtIds.isEmpty() ? Map.of() : organizations.infos(districtIds);
		return rows.stream()
			.map(r -> new DistributionView(r.id(), r.versionId(), r.number(), r.sentOn(), r.note(), r.target(),
					r.districts()
						.stream()
						.map(names::get)
						.filter(Objects::nonNull)
						.map(u -> new LocalizedText(u.nameKk(), u.nameRu()))
						.toList(),
					r.recipients(), r.by(), r.at()))
			.toList();
	}

	private static List<Long> ids(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		Object[] values = (Object[]) array.getArray();
		return Arrays.stream(values).map(v -> ((Number) v).longValue()).toList();
	}

	Register register(CurrentUser user, long materialId, RegisterCriteria c) {
		MaterialAccess.requireStaff(user);
		MaterialAccess.Owned owned = access.readable(user, materialId);
		String audience = MaterialAccess.audience(user, owned.ownerPath());
		MaterialDetails.Summary summary = summary(owned.latestVersionId(), audience);
		return new Register(materialId, summary, recipients(materialId, audience, c),
				missing(materialId, owned.latestVersionId(), audience, c));
	}

	private Page<RecipientRow> recipients(long materialId, String audience, RegisterCriteria c) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("material", materialId);
		params.put("audience", Scopes.prefix(audience));
		StringBuilder filter = new StringBuilder();
		if (c.versionId() != null) {
			filter.append(" and d.version_id = :version");
			params.put("version", c.versionId());
		}
		if (c.districtId() != null) {
			filter.append(" and u.parent_id = :district");
			params.put("district", c.districtId());
		}
		// Each organization once, with the newest version it received (or the chosen one).
		String newest = """
				select distinct on (d.org_unit_id) d.org_unit_id, u.name_kk, u.name_ru, p.name_kk as d_kk,
				       p.name_ru as d_ru, d.version_id, v.number, x.sent_on, x.note, d.downloaded_at, d.acknowledged_at
				from material_delivery d
				join material_version v on v.id = d.version_id
				join material_distribution x on x.id = d.distribution_id
				join organizations_v_unit u on u.id = d.org_unit_id
				left join organizations_v_unit p on p.id = u.parent_id
				where d.material_id = :material and %s""".formatted(Scopes.within("u.path", "audience")) + filter + """

				order by d.org_unit_id, v.number desc
				""";
		String status = c.status() == null ? "" : switch (c.status()) {
			case ACKNOWLEDGED -> " where r.acknowledged_at is not null";
			case DOWNLOADED -> " where r.acknowledged_at is null and r.downloaded_at is not null";
			case SENT -> " where r.acknowledged_at is null and r.downloaded_at is null";
		};
		long total = jdbc.sql("select count(*) from (" + newest + ") r" + status)
			.params(params)
			.query(Long.class)
			.single();
		params.put("limit", RegisterCriteria.PAGE_SIZE);
		params.put("offset", (long) c.page() * RegisterCriteria.PAGE_SIZE);
		long latest = jdbc.sql("select latest_version_id from material where id = :material")
			.param("material", materialId)
			.query(Long.class)
			.single();
		List<RecipientRow> rows = jdbc.sql("select r.* from (" + newest + ") r" + status
				+ " order by r.d_kk nulls first, r.name_kk, r.org_unit_id limit :limit offset :offset")
			.params(params)
			.query((rs, n) -> new RecipientRow(rs.getLong("org_unit_id"), rs.getString("name_kk"), rs.getString("name_ru"),
					rs.getString("d_kk"), rs.getString("d_ru"), rs.getLong("version_id"), rs.getInt("number"),
					rs.getLong("version_id") == latest,
					new Delivery(rs.getObject("sent_on", LocalDate.class), rs.getString("note"),
							MaterialService.instant(rs, "downloaded_at"), MaterialService.instant(rs, "acknowledged_at"))))
			.list();
		return new PageImpl<>(rows, PageRequest.of(c.page(), RegisterCriteria.PAGE_SIZE), total);
	}

	private Page<MissingRow> missing(long materialId, long latestVersionId, String audience, RegisterCriteria c) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("material", materialId);
		params.put("latest", latestVersionId);
		params.put("audience", Scopes.prefix(audience));
		StringBuilder filter = new StringBuilder();
		if (c.districtId() != null) {
			filter.append(" and u.parent_id = :district");
			params.put("district", c.districtId());
		}
		switch (c.missing()) {
			case NONE -> filter.append(" and r.received is null");
			case OLDER -> filter.append(" and r.received is not null");
			case ALL -> {
			}
		}
		String from = """
				 from organizations_v_unit u
				left join organizations_v_unit p on p.id = u.parent_id
				left join lateral (select max(v.number) as received from material_delivery d
				                   join material_version v on v.id = d.version_id
				                   where d.material_id = :material and d.org_unit_id = u.id) r on true
				where u.level = 'PRIMARY' and u.active and %s
				  and not exists (select 1 from material_delivery l where l.version_id = :latest and l.org_unit_id = u.id)
				""".formatted(Scopes.within("u.path", "audience")) + filter;
		long total = jdbc.sql("select count(*)" + from).params(params).query(Long.class).single();
		params.put("limit", RegisterCriteria.PAGE_SIZE);
		params.put("offset", (long) c.missingPage() * RegisterCriteria.PAGE_SIZE);
		List<MissingRow> rows = jdbc.sql("select u.id, u.name_kk, u.name_ru, p.name_kk as d_kk, p.name_ru as d_ru, r.received"
				+ from + " order by p.name_kk nulls first, u.name_kk, u.id limit :limit offset :offset")
			.params(params)
			.query((rs, n) -> new MissingRow(rs.getLong("id"), rs.getString("name_kk"), rs.getString("name_ru"),
					rs.getString("d_kk"), rs.getString("d_ru"), (Integer) rs.getObject("received")))
			.list();
		return new PageImpl<>(rows, PageRequest.of(c.missingPage(), RegisterCriteria.PAGE_SIZE), total);
	}

	Page<SentMaterial> sent(CurrentUser user, long organizationId, int page, int size) {
		UnitInfo organization = organizations.info(organizationId)
			.filter(UnitInfo::isPrimary)
			.orElseThrow(() -> new NotFoundException("primary organization " + organizationId));
		boolean allowed = user.isStaff() ? user.covers(organization.path())
				: user.is(Role.CHAIR) && user.scopeUnitId() == organizationId;
		if (!allowed) {
			throw new AccessDeniedException("organization " + organizationId + " is not the user's");
		}
		int pageSize = Math.max(1, Math.min(size, MAX_SENT));
		int pageNumber = Math.max(page, 0);
		long total = jdbc.sql("select count(*) from material_delivery where org_unit_id = :org")
			.param("org", organizationId)
			.query(Long.class)
			.single();
		List<SentMaterial> rows = jdbc.sql("""
				select d.material_id, d.version_id, m.title_kk, m.title_ru, m.type, m.language, v.number,
				       m.latest_version_id = v.id as latest, v.file_type, v.file_size, x.sent_on, x.note,
				       d.downloaded_at, d.acknowledged_at
				from material_delivery d
				join material m on m.id = d.material_id
				join material_version v on v.id = d.version_id
				join material_distribution x on x.id = d.distribution_id
				where d.org_unit_id = :org
				order by x.sent_on desc, x.id desc, v.number desc
				limit :limit offset :offset
				""")
			.param("org", organizationId)
			.param("limit", pageSize)
			.param("offset", (long) pageNumber * pageSize)
			.query(Distributions::sentRow)
			.list();
		return new PageImpl<>(rows, PageRequest.of(pageNumber, pageSize), total);
	}

	private static SentMaterial sentRow(ResultSet rs, int n) throws SQLException {
		return new SentMaterial(rs.getLong("material_id"), rs.getLong("version_id"), rs.getString("title_kk"),
				rs.getString("title_ru"), MaterialType.valueOf(rs.getString("type")),
				MaterialLanguage.valueOf(rs.getString("language")), rs.getInt("number"), rs.getBoolean("latest"),
				FileType.valueOf(rs.getString("file_type")), rs.getLong("file_size"),
				new Delivery(rs.getObject("sent_on", LocalDate.class), rs.getString("note"),
						MaterialService.instant(rs, "downloaded_at"), MaterialService.instant(rs, "acknowledged_at")));
	}

	/**
	 * Per active primary organization of the user's scope that was sent anything: whether every material
	 * it was sent has an acknowledged delivery (of any version). Monitoring's headline and its "not
	 * acknowledged" filter. One statement over {@code material_org_receipt} (V403), which the deliveries'
	 * triggers keep in the writing statement: reading every delivery of the scope instead took 50-66 ms for
	 * the country's monitoring page (88 000 deliveries) however it was written (issue #17).
	 */
	Map<Long, Boolean> acknowledgedAllByOrganization(CurrentUser user) {
		Map<Long, Boolean> result = new HashMap<>();
		jdbc.sql("""
				select u.id as org_unit_id, r.acknowledged = r.materials as all_acknowledged
				from organizations_v_unit u
				join material_org_receipt r on r.org_unit_id = u.id
				where u.level = 'PRIMARY' and u.active and %s
				""".formatted(Scopes.within("u.path", "scope")))
			.param("scope", Scopes.prefix(user.scopePath()))
			.query(rs -> {
				result.put(rs.getLong("org_unit_id"), rs.getBoolean("all_acknowledged"));
			});
		return result;
	}

	/**
	 * Per active primary organization in the user's scope: materials sent, downloaded, acknowledged
	 * (any version), and materials in circulation for it whose latest version it lacks. A material
	 * is in circulation for an organization when a body above it owns it and it was distributed at
	 * least once. One statement. {@code ids}: only these organizations (those of the scope among them);
	 * null: all of the scope.
	 *
	 * <p>"Lacks the latest version" looks for the delivery among {@code delivered} (the deliveries of
	 * these organizations, found through their index) when ids are given, so a page of organizations never
	 * hashes the whole table: 41-50 ms for the country's first monitoring page, against 6 ms. For
	 * the whole scope the table itself is hashed once, which is cheaper than joining it to the
	 * organizations first (147 against 270 ms for the country, issue #17).
	 */
	Map<Long, MaterialStatus> statusByOrganization(CurrentUser user, Long[] ids) {
		Map<Long, MaterialStatus> result = new LinkedHashMap<>();
		jdbc.sql("""
				with orgs as (
				    select u.id, u.path from organizations_v_unit u
				    where u.level = 'PRIMARY' and u.active and %s
				      and (cast(:ids as bigint[]) is null or u.id = any(:ids))
				), circulating as (
				    select m.id, m.latest_version_id, m.owner_unit_id from material m
				    where exists (select 1 from material_distribution x where x.material_id = m.id)
				), delivered as (
				    select d.org_unit_id, d.version_id, d.material_id, d.downloaded_at, d.acknowledged_at
				    from material_delivery d join orgs on orgs.id = d.org_unit_id
				), received as (
				    select d.org_unit_id,
				           count(distinct d.material_id) as sent,
				           count(distinct d.material_id) filter (where d.downloaded_at is not null) as downloaded,
				           count(distinct d.material_id) filter (where d.acknowledged_at is not null) as acknowledged
				    from delivered d
				    group by d.org_unit_id
				), missing as (
				    -- owned above it: the owner is one of the units on its path (a hash join on the path's ids,
				    -- where a prefix test of every organization against every material read millions of pairs)
				    select orgs.id, count(*) as n from orgs
				    cross join lateral unnest(string_to_array(trim(both '/' from orgs.path), '/')::bigint[]) as a(unit_id)
				    join circulating c on c.owner_unit_id = a.unit_id
				    where not exists (select 1 from %s d
				                      where d.version_id = c.latest_version_id and d.org_unit_id = orgs.id)
				    group by orgs.id
				)
				select orgs.id, coalesce(r.sent, 0) as sent, coalesce(r.downloaded, 0) as downloaded,
				       coalesce(r.acknowledged, 0) as acknowledged, coalesce(mi.n, 0) as missing_latest
				from orgs
				left join received r on r.org_unit_id = orgs.id
				left join missing mi on mi.id = orgs.id
				order by orgs.id
				""".formatted(Scopes.within("u.path", "scope"), ids == null ? "material_delivery" : "delivered"))
			.param("scope", Scopes.prefix(user.scopePath()))
			.param("ids", ids)
			.query(rs -> {
				long id = rs.getLong("id");
				result.put(id, new MaterialStatus(id, rs.getLong("sent"), rs.getLong("downloaded"),
						rs.getLong("acknowledged"), rs.getLong("missing_latest")));
			});
		return result;
	}
}
