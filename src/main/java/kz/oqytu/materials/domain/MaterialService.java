package kz.oqytu.materials.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.Role;
import kz.oqytu.materials.Delivery;
import kz.oqytu.materials.Distributed;
import kz.oqytu.materials.DistributionCommand;
import kz.oqytu.materials.FileType;
import kz.oqytu.materials.LinkedEvent;
import kz.oqytu.materials.MaterialCommand;
import kz.oqytu.materials.MaterialCriteria;
import kz.oqytu.materials.MaterialDetails;
import kz.oqytu.materials.MaterialDownload;
import kz.oqytu.materials.MaterialFile;
import kz.oqytu.materials.MaterialLanguage;
import kz.oqytu.materials.MaterialRow;
import kz.oqytu.materials.MaterialStatus;
import kz.oqytu.materials.MaterialType;
import kz.oqytu.materials.Materials;
import kz.oqytu.materials.Register;
import kz.oqytu.materials.RegisterCriteria;
import kz.oqytu.materials.SentMaterial;
import kz.oqytu.materials.VersionView;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.Scopes;
import kz.oqytu.organizations.UnitInfo;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.ConflictException;
import kz.oqytu.shared.LocalizedText;
import kz.oqytu.shared.NotFoundException;
import kz.oqytu.training.EventSummary;
import kz.oqytu.training.TrainingCatalog;
import kz.oqytu.training.TrainingEvents;

@Service
class MaterialService implements Materials {

	static final int MAX_TITLE = 300;

	static final int MAX_DESCRIPTION = 4000;

	static final int MAX_NOTE = 1000;

	private final MaterialRepository materials;

	private final MaterialAccess access;

	private final FileStore files;

	private final Distributions distributions;

	private final TrainingCatalog catalog;

	private final TrainingEvents events;

	private final Organizations organizations;

	private final MaterialsProperties properties;

	private final JdbcClient jdbc;

	MaterialService(MaterialRepository materials, MaterialAccess access, FileStore files, Distributions distributions,
			TrainingCatalog catalog, TrainingEvents events, Organizations organizations, MaterialsProperties properties,
			JdbcClient jdbc) {
		this.materials = materials;
		this.access = access;
		this.files = files;
		this.distributions = distributions;
		this.catalog = catalog;
		this.events = events;
		this.organizations = organizations;
		this.properties = properties;
		this.jdbc = jdbc;
	}

	// ---- library

	@Override
	@Transactional(readOnly = true)
	public Page<MaterialRow> search(CurrentUser user, MaterialCriteria c) {
		boolean chair = !user.isStaff();
		if (chair && !user.is(Role.CHAIR)) {
			throw new AccessDeniedException("unknown role");
		}
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder();
		if (chair) {
			where.append(" where exists (select 1 from material_delivery d where d.material_id = m.id and d.org_unit_id = :org)");
			params.put("org", user.scopeUnitId());
		}
		else {
			where.append(" where (" + Scopes.within("o.path", "scope") + " or " + Scopes.under(":scopePath", "o.path") + ")");
			params.put("scope", Scopes.prefix(user.scopePath()));
			params.put("scopePath", user.scopePath());
		}
		if (c.text() != null) {
			where.append(" and (lower(m.title_kk) like :text or lower(coalesce(m.title_ru, '')) like :text)");
			params.put("text", "%" + escapeLike(c.text().toLowerCase(Locale.ROOT)) + "%");
		}
		if (c.type() != null) {
			where.append(" and m.type = :type");
			params.put("type", c.type().name());
		}
		if (c.language() != null) {
			where.append(" and m.language = :language");
			params.put("language", c.language().name());
		}
		if (c.topicCode() != null) {
			where.append(" and exists (select 1 from material_topic t where t.material_id = m.id and t.topic_code = :topic)");
			params.put("topic", c.topicCode());
		}
		if (c.eventId() != null) {
			where.append(" and exists (select 1 from material_event e where e.material_id = m.id and e.event_id = :event)");
			params.put("event", c.eventId());
		}
		String from = " from material m join organizations_v_unit o on o.id = m.owner_unit_id";
		long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
		params.put("limit", c.size());
		params.put("offset", (long) c.page() * c.size());
		String columns = """
				select m.id, m.title_kk, m.title_ru, m.type, m.language, m.updated_at,
				       (select string_agg(t.topic_code, ',' order by t.topic_code) from material_topic t where t.material_id = m.id) as topics,
				""";
		String sql;
		if (chair) {
			// The newest version sent to the chair's organization, not the latest one overall.
			sql = columns + """
					       r.version_id, r.number, r.file_type, r.file_size, 0 as organizations,
					       r.sent_on, r.note, r.downloaded_at, r.acknowledged_at
					""" + from + """
					 join lateral (select d.version_id, v.number, v.file_type, v.file_size, x.sent_on, x.note,
					                      d.downloaded_at, d.acknowledged_at
					               from material_delivery d
					               join material_version v on v.id = d.version_id
					               join material_distribution x on x.id = d.distribution_id
					               where d.material_id = m.id and d.org_unit_id = :org
					               order by v.number desc limit 1) r on true
					""" + where + " order by r.sent_on desc, m.id desc limit :limit offset :offset";
		}
		else {
			sql = columns + """
					       v.id as version_id, v.number, v.file_type, v.file_size,
					       (select count(distinct d.org_unit_id) from material_delivery d join organizations_v_unit u on u.id = d.org_unit_id
					        where d.material_id = m.id and %s) as organizations,
					       null as sent_on, null as note, null as downloaded_at, null as acknowledged_at
					""".formatted(Scopes.within("u.path", "scope")) + from + " join material_version v on v.id = m.latest_version_id" + where
					+ " order by m.updated_at desc, m.id desc limit :limit offset :offset";
		}
		List<MaterialRow> rows = jdbc.sql(sql).params(params).query((rs, n) -> row(rs, chair)).list();
		return new PageImpl<>(rows, PageRequest.of(c.page(), c.size()), total);
	}

	private static MaterialRow row(ResultSet rs, boolean chair) throws SQLException {
		String topics = rs.getString("topics");
		Delivery received = chair ? new Delivery(rs.getObject("sent_on", LocalDate.class), rs.getString("note"),
				instant(rs, "downloaded_at"), instant(rs, "acknowledged_at")) : null;
		return new MaterialRow(rs.getLong("id"), rs.getString("title_kk"), rs.getString("title_ru"),
				MaterialType.valueOf(rs.getString("type")), MaterialLanguage.valueOf(rs.getString("language")),
				topics == null ? List.of() : Arrays.asList(topics.split(",")), instant(rs, "updated_at"),
				rs.getLong("version_id"), rs.getInt("number"), FileType.valueOf(rs.getString("file_type")),
				rs.getLong("file_size"), rs.getLong("organizations"), received);
	}

	@Override
	@Transactional(readOnly = true)
	public MaterialDetails details(CurrentUser user, long id) {
		MaterialAccess.Owned owned = access.readable(user, id);
		Material m = materials.findById(id).orElseThrow(() -> new NotFoundException("material " + id));
		boolean staff = user.isStaff();
		String audience = staff ? MaterialAccess.audience(user, owned.ownerPath()) : null;
		List<VersionView> versions = staff ? versionsForStaff(id, owned.latestVersionId(), audience)
				: versionsForChair(id, owned.latestVersionId(), user.scopeUnitId());
		List<LinkedEvent> linked = events.summaries(m.getEvents())
			.values()
			.stream()
			.sorted(Comparator.comparing(EventSummary::startsAt).reversed())
			.map(e -> new LinkedEvent(e.id(), e.titleKk(), e.titleRu(), e.startsAt().toLocalDate()))
			.toList();
		UnitInfo owner = organizations.info(m.getOwnerUnitId()).orElseThrow();
		List<String> topics = catalog.topics()
			.stream()
			.map(t -> t.code())
			.filter(m.getTopics()::contains)
			.toList();
		return new MaterialDetails(id, m.getTitleKk(), m.getTitleRu(), m.getType(), m.getLanguage(), m.getDescription(),
				topics, linked, versions, owned.latestVersionId(), new LocalizedText(owner.nameKk(), owner.nameRu()),
				m.getCreatedAt(), m.getCreatedBy(), m.getUpdatedAt(), m.getUpdatedBy(), m.getVersion(),
				MaterialAccess.writes(user, owned.ownerPath()), staff && user.writesTraining(),
				staff ? distributions.history(id, audience) : List.of(),
				staff ? distributions.summary(owned.latestVersionId(), audience) : null);
	}

	private List<VersionView> versionsForStaff(long materialId, long latestVersionId, String audience) {
		return jdbc.sql("""
				select v.id, v.number, v.file_type, v.file_size, v.sha256, v.original_name, v.note, v.created_at,
				       v.created_by, count(d.org_unit_id) as sent, count(d.downloaded_at) as downloaded,
				       count(d.acknowledged_at) as acknowledged
				from material_version v
				left join (material_delivery d join organizations_v_unit u on u.id = d.org_unit_id and %s)
				       on d.version_id = v.id
				where v.material_id = :material
				group by v.id
				order by v.number desc
				""".formatted(Scopes.within("u.path", "audience")))
			.param("material", materialId)
			.param("audience", Scopes.prefix(audience))
			.query((rs, n) -> new VersionView(rs.getLong("id"), rs.getInt("number"),
					FileType.valueOf(rs.getString("file_type")), rs.getLong("file_size"), rs.getString("sha256"),
					rs.getString("original_name"), rs.getString("note"), instant(rs, "created_at"),
					rs.getString("created_by"), rs.getLong("id") == latestVersionId, rs.getLong("sent"),
					rs.getLong("downloaded"), rs.getLong("acknowledged"), null))
			.list();
	}

	private List<VersionView> versionsForChair(long materialId, long latestVersionId, long organizationId) {
		return jdbc.sql("""
				select v.id, v.number, v.file_type, v.file_size, v.sha256, v.original_name, v.note, v.created_at,
				       v.created_by, x.sent_on, x.note as sent_note, d.downloaded_at, d.acknowledged_at
				from material_delivery d
				join material_version v on v.id = d.version_id
				join material_distribution x on x.id = d.distribution_id
				where d.material_id = :material and d.org_unit_id = :org
				order by v.number desc
				""")
			.param("material", materialId)
			.param("org", organizationId)
			.query((rs, n) -> new VersionView(rs.getLong("id"), rs.getInt("number"),
					FileType.valueOf(rs.getString("file_type")), rs.getLong("file_size"), rs.getString("sha256"),
					rs.getString("original_name"), rs.getString("note"), instant(rs, "created_at"),
					rs.getString("created_by"), rs.getLong("id") == latestVersionId, 0, 0, 0,
					new Delivery(rs.getObject("sent_on", LocalDate.class), rs.getString("sent_note"),
							instant(rs, "downloaded_at"), instant(rs, "acknowledged_at"))))
			.list();
	}

	@Override
	@Transactional
	public long create(CurrentUser user, MaterialCommand command, MaterialFile file) {
		MaterialAccess.requireWriter(user);
		check(user, command);
		FileInspector.Inspected inspected = inspect(file);
		Material material = new Material(user.scopeUnitId(), user.username());
		material.describe(command, user.username());
		materials.saveAndFlush(material);
		long versionId = storeVersion(user, material.getId(), 1, null, file, inspected);
		material.supersede(versionId, user.username());
		materials.saveAndFlush(material);
		return material.getId();
	}

	@Override
	@Transactional
	public void update(CurrentUser user, long id, int version, MaterialCommand command) {
		access.writable(user, id);
		Material material = materials.findById(id).orElseThrow(() -> new NotFoundException("material " + id));
		if (material.getVersion() != version) {
			throw new ConflictException("material " + id);
		}
		check(user, command);
		material.describe(command, user.username());
		try {
			materials.saveAndFlush(material);
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			throw new ConflictException("material " + id);
		}
	}

	@Override
	@Transactional
	public long addVersion(CurrentUser user, long id, int version, String note, MaterialFile file) {
		access.writable(user, id);
		Material material = materials.findById(id).orElseThrow(() -> new NotFoundException("material " + id));
		if (material.getVersion() != version) {
			throw new ConflictException("material " + id);
		}
		String cleanNote = note == null || note.isBlank() ? null : note.strip();
		if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
			throw new BusinessRuleException("note", "validation.tooLong");
		}
		FileInspector.Inspected inspected = inspect(file);
		int number = jdbc.sql("select coalesce(max(number), 0) + 1 from material_version where material_id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
		try {
			long versionId = storeVersion(user, id, number, cleanNote, file, inspected);
			material.supersede(versionId, user.username());
			materials.saveAndFlush(material);
			return versionId;
		}
		catch (ObjectOptimisticLockingFailureException | DataIntegrityViolationException ex) {
			// Someone else added a version (or changed the material) at the same moment.
			throw new ConflictException("material " + id);
		}
	}

	private FileInspector.Inspected inspect(MaterialFile file) {
		if (file == null || file.isEmpty()) {
			throw new BusinessRuleException(FileInspector.FIELD, "materials.error.fileRequired");
		}
		long max = maxFileBytes();
		if (file.declaredSize() > max) {
			throw FileInspector.tooLarge(max);
		}
		return FileInspector.inspect(file.content(), max);
	}

	private long storeVersion(CurrentUser user, long materialId, int number, String note, MaterialFile file,
			FileInspector.Inspected inspected) {
		long versionId = jdbc.sql("select nextval('material_version_seq')").query(Long.class).single();
		jdbc.sql("""
				insert into material_version (id, material_id, number, file_type, file_size, sha256, original_name,
				                              chunk_size, note, created_by)
				values (:id, :material, :number, :type, :size, :sha256, :name, :chunk, :note, :by)
				""")
			.param("id", versionId)
			.param("material", materialId)
			.param("number", number)
			.param("type", inspected.type().name())
			.param("size", inspected.size())
			.param("sha256", inspected.sha256())
			.param("name", FileNames.original(file.originalFilename(), inspected.type()))
			.param("chunk", FileStore.CHUNK_BYTES)
			.param("note", note)
			.param("by", user.username())
			.update();
		files.write(versionId, file.content(), inspected, maxFileBytes());
		return versionId;
	}

	private void check(CurrentUser user, MaterialCommand command) {
		if (command.titleKk() == null || command.titleKk().isBlank()) {
			throw new BusinessRuleException("titleKk", "validation.required");
		}
		if (command.titleKk().strip().length() > MAX_TITLE) {
			throw new BusinessRuleException("titleKk", "validation.tooLong");
		}
		if (command.titleRu() != null && command.titleRu().strip().length() > MAX_TITLE) {
			throw new BusinessRuleException("titleRu", "validation.tooLong");
		}
		if (command.description() != null && command.description().strip().length() > MAX_DESCRIPTION) {
			throw new BusinessRuleException("description", "validation.tooLong");
		}
		if (command.type() == null) {
			throw new BusinessRuleException("type", "validation.required");
		}
		if (command.language() == null) {
			throw new BusinessRuleException("language", "validation.required");
		}
		for (String topic : command.topicCodes()) {
			if (catalog.topic(topic).isEmpty()) {
				throw new BusinessRuleException("topicCodes", "materials.error.topicUnknown");
			}
		}
		if (!command.eventIds().isEmpty()) {
			Map<Long, EventSummary> found = events.summaries(command.eventIds());
			for (Long eventId : command.eventIds()) {
				EventSummary event = found.get(eventId);
				// Events of the user's subtree, or of the bodies above it (a regional seminar for a committee).
				if (event == null || !(user.covers(event.organizerPath())
						|| user.scopePath().startsWith(event.organizerPath()))) {
					throw new BusinessRuleException("eventIds", "materials.error.eventUnknown");
				}
			}
		}
	}

	@Override
	@Transactional
	public MaterialDownload download(CurrentUser user, long materialId, long versionId) {
		record Stored(FileType type, long size, String sha256, String name, int chunkSize) {
		}
		Stored stored = jdbc.sql("select file_type, file_size, sha256, original_name, chunk_size from material_version"
				+ " where id = :version and material_id = :material")
			.param("version", versionId)
			.param("material", materialId)
			.query((rs, n) -> new Stored(FileType.valueOf(rs.getString("file_type")), rs.getLong("file_size"),
					rs.getString("sha256"), rs.getString("original_name"), rs.getInt("chunk_size")))
			.optional()
			.orElseThrow(() -> new NotFoundException("version " + versionId + " of material " + materialId));
		if (user.isStaff()) {
			access.readable(user, materialId);
		}
		else if (!user.is(Role.CHAIR) || !distributions.recordDownload(user, materialId, versionId)) {
			throw new AccessDeniedException("version " + versionId + " was not sent to the user's organization");
		}
		String filename = FileNames.download(stored.name(), stored.type());
		return new MaterialDownload(filename, stored.type(), stored.size(), stored.sha256(),
				files.read(versionId, stored.size(), stored.chunkSize(), filename));
	}

	@Override
	public long maxFileBytes() {
		return properties.maxFileSize().toBytes();
	}

	// ---- distribution

	@Override
	@Transactional
	public Distributed distribute(CurrentUser user, long materialId, DistributionCommand command) {
		return distributions.distribute(user, materialId, command);
	}

	@Override
	@Transactional(readOnly = true)
	public Register register(CurrentUser user, long materialId, RegisterCriteria criteria) {
		return distributions.register(user, materialId, criteria);
	}

	@Override
	@Transactional
	public void acknowledge(CurrentUser user, long materialId, long versionId) {
		distributions.acknowledge(user, materialId, versionId);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<SentMaterial> sent(CurrentUser user, long organizationId, int page, int size) {
		return distributions.sent(user, organizationId, page, size);
	}

	@Override
	@Transactional(readOnly = true)
	public List<SentMaterial> sentTo(CurrentUser user, long organizationId) {
		return new ArrayList<>(distributions.sent(user, organizationId, 0, Distributions.MAX_SENT).getContent());
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, MaterialStatus> statusByOrganization(CurrentUser user) {
		return distributions.statusByOrganization(user, null);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, MaterialStatus> statusByOrganization(CurrentUser user, java.util.Collection<Long> organizationIds) {
		return distributions.statusByOrganization(user, organizationIds.toArray(new Long[0]));
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, Boolean> acknowledgedAllByOrganization(CurrentUser user) {
		return distributions.acknowledgedAllByOrganization(user);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
