package kz.oqytu.organizations.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.MembershipImportRow;
import kz.oqytu.organizations.OrganizationImports;
import kz.oqytu.organizations.PrimaryKind;
import kz.oqytu.organizations.RegistryImportRow;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.imports.HeaderMap;
import kz.oqytu.shared.imports.ImportPreview;
import kz.oqytu.shared.imports.RowError;
import kz.oqytu.shared.imports.SheetReader;
import kz.oqytu.organizations.NameMatcher;
import kz.oqytu.shared.xlsx.Cells;
import kz.oqytu.shared.xlsx.SheetLimits;
import kz.oqytu.shared.xlsx.XlsxWriter;
import kz.oqytu.shared.xlsx.XlsxWriters;
import java.time.Clock;

@Service
class OrganizationImportService implements OrganizationImports {

	static final int MAX_ROWS = 20_000;

	private static final Map<String, List<String>> REGISTRY_COLUMNS = new LinkedHashMap<>();

	private static final Map<String, List<String>> MEMBERSHIP_COLUMNS = new LinkedHashMap<>();

	static {
		// The template's title first, then what registers kept on file use (kk, ru, en); see HeaderMap.read.
		REGISTRY_COLUMNS.put("district", List.of("Аудан / Район", "Аудан", "Ауданы", "Район", "Аудан (қала)",
				"Аудан, қала", "Район, город", "Аудандық (қалалық) комитет", "Районный (городской) комитет", "District"));
		REGISTRY_COLUMNS.put("nameKk", List.of("Атауы (қазақша) / Наименование (на казахском)", "Атауы (қазақша)",
				"Атауы", "Атауы қазақ тілінде", "Ұйымның атауы", "Бастауыш кәсіподақ ұйымы", "БКҰ атауы", "Ұйым",
				"Наименование (на казахском)", "Наименование на казахском языке", "Name (Kazakh)"));
		REGISTRY_COLUMNS.put("nameRu", List.of("Атауы (орысша) / Наименование (на русском)", "Атауы (орысша)",
				"Атауы орыс тілінде", "Наименование (на русском)", "Наименование на русском языке", "Наименование",
				"Наименование ППО", "Первичная профсоюзная организация", "Name (Russian)"));
		REGISTRY_COLUMNS.put("kind", List.of("Түрі / Тип", "Түрі", "Ұйым түрі", "Тип", "Тип организации", "Kind"));
		REGISTRY_COLUMNS.put("address", List.of("Мекенжайы / Адрес", "Мекенжайы", "Мекен-жайы", "Адрес", "Address"));
		REGISTRY_COLUMNS.put("chairName", List.of("Төраға / Председатель", "Төраға", "Төрағасы", "БКҰ төрағасы",
				"Төрағаның аты-жөні", "Председатель", "Председатель ППО", "ФИО председателя", "Chair"));
		REGISTRY_COLUMNS.put("chairPhone", List.of("Телефон", "Байланыс телефоны", "Контактный телефон", "Тел", "Phone"));
		REGISTRY_COLUMNS.put("chairEmail", List.of("Email", "E-mail", "Электрондық пошта", "Электронная почта",
				"Эл. пошта", "Эл. почта"));

		MEMBERSHIP_COLUMNS.put("id", List.of("ID", "Oqytu ID"));
		MEMBERSHIP_COLUMNS.put("district", REGISTRY_COLUMNS.get("district"));
		MEMBERSHIP_COLUMNS.put("name", List.of("Атауы / Наименование", "Атауы", "Наименование", "Name",
				"Атауы (қазақша) / Наименование (на казахском)", "Ұйымның атауы", "Ұйым", "Бастауыш кәсіподақ ұйымы",
				"БКҰ", "Организация", "ППО", "Первичная профсоюзная организация", "Наименование ППО"));
		MEMBERSHIP_COLUMNS.put("asOf", List.of("Күні / Дата", "Күні", "Жағдай бойынша", "Дата", "По состоянию на",
				"Date"));
		MEMBERSHIP_COLUMNS.put("members", List.of("Мүшелер саны / Численность членов", "Мүшелер саны",
				"Кәсіподақ мүшелерінің саны", "Кәсіподақ мүшелері", "Численность членов",
				"Численность членов профсоюза", "Количество членов профсоюза", "Членов профсоюза", "Members"));
	}

	/** Templates carry the footer of every file: the time made, in the reader's language. */
	private final XlsxWriters writers;

	/** The registry's name matcher: spellings and aliases, as the participant import resolves them. */
	private final OrganizationService names;

	private final JdbcClient jdbc;

	private final OrgUnitRepository units;

	private final MembershipSnapshotRepository snapshots;

	private final MessageSource messages;

	private final kz.oqytu.shared.imports.ImportMetrics importMetrics;

	private final SheetLimits limits;

	private final Clock clock;

	private final org.springframework.context.ApplicationEventPublisher publisher;

	OrganizationImportService(JdbcClient jdbc, OrgUnitRepository units, MembershipSnapshotRepository snapshots,
			MessageSource messages, kz.oqytu.shared.imports.ImportMetrics importMetrics, SheetLimits limits, Clock clock,
			XlsxWriters writers, OrganizationService names, org.springframework.context.ApplicationEventPublisher publisher) {
		this.publisher = publisher;
		this.writers = writers;
		this.names = names;
		this.clock = clock;
		this.importMetrics = importMetrics;
		this.limits = limits;
		this.jdbc = jdbc;
		this.units = units;
		this.snapshots = snapshots;
		this.messages = messages;
	}

	// ---- templates

	@Override
	public byte[] registryTemplate(Locale locale) {
		try (XlsxWriter xlsx = writers.open(org.springframework.context.i18n.LocaleContextHolder.getLocale())) {
			Sheet sheet = xlsx.sheet("Registry");
			xlsx.headers(sheet, 0, REGISTRY_COLUMNS.values().stream().map(a -> a.get(0)).toArray(String[]::new));
			Row example = xlsx.row(sheet, 1);
			xlsx.text(example, 0, "Алға ауданы");
			xlsx.text(example, 1, "Алға ауданының №1 орта мектебі");
			xlsx.text(example, 2, "Средняя школа №1 Алгинского района");
			xlsx.text(example, 3, kindName(PrimaryKind.SCHOOL, locale));
			xlsx.text(example, 4, "Алға қ., Достық к-сі, 1");
			xlsx.text(example, 5, "Аманова Айгүл Серікқызы");
			xlsx.text(example, 6, "+7 701 000 00 00");
			xlsx.text(example, 7, "school1@example.kz");
			return xlsx.toBytes();
		}
	}

	@Override
	@Transactional(readOnly = true)
	public byte[] membershipTemplate(CurrentUser user, LocalDate asOf) {
		try (XlsxWriter xlsx = writers.open(org.springframework.context.i18n.LocaleContextHolder.getLocale())) {
			Sheet sheet = xlsx.sheet("Membership");
			xlsx.headers(sheet, 0, MEMBERSHIP_COLUMNS.values().stream().map(a -> a.get(0)).toArray(String[]::new));
			int[] r = { 1 };
			jdbc.sql("""
					select o.id, d.name_kk as district, o.name_kk from org_unit o join org_unit d on d.id = o.parent_id
					where o.level = 'PRIMARY' and o.active and o.path like :scope order by d.name_kk, o.name_kk
					""")
				.param("scope", user.scopePath() + "%")
				.query(rs -> {
					Row row = xlsx.row(sheet, r[0]++);
					xlsx.integer(row, 0, rs.getLong("id"));
					xlsx.text(row, 1, rs.getString("district"));
					xlsx.text(row, 2, rs.getString("name_kk"));
					xlsx.date(row, 3, asOf);
				});
			sheet.setColumnWidth(2, 70 * 256);
			return xlsx.toBytes();
		}
	}

	// ---- registry

	@Override
	@Transactional(readOnly = true)
	public ImportPreview<RegistryImportRow> previewRegistry(CurrentUser user, byte[] content) {
		return previewRegistry(user, content, null);
	}

	@Override
	@Transactional(readOnly = true)
	public RegistryPreview previewRegistry(CurrentUser user, long regionId, byte[] content) {
		Map<String, Committee> added = new LinkedHashMap<>();
		ImportPreview<RegistryImportRow> rows = previewRegistry(intoRegion(user, regionId), content, added);
		return new RegistryPreview(rows, added.values().stream().map(Committee::name).toList());
	}

	@Override
	@Transactional
	public int commitRegistry(CurrentUser user, long regionId, byte[] content) {
		CurrentUser region = intoRegion(user, regionId);
		Map<String, Committee> added = new LinkedHashMap<>();
		ImportPreview<RegistryImportRow> preview = previewRegistry(region, content, added);
		if (!preview.valid()) {
			importMetrics.rejected("registry");
			throw new BusinessRuleException("import.error.notValid");
		}
		Map<Long, Long> created = new HashMap<>();
		for (Committee c : added.values()) {
			String key = HeaderMap.normalize(c.name());
			boolean city = key.contains("қала") || key.contains("город") || key.startsWith("г.") || key.contains("city");
			OrgUnit committee = OrgUnit.committee(regionId, city ? kz.oqytu.organizations.CommitteeKind.CITY
					: kz.oqytu.organizations.CommitteeKind.DISTRICT);
			committee.describe(c.name(), null, null, null, null, null, null, true);
			created.put(c.id(), units.saveAndFlush(committee).getId());
		}
		List<OrgUnit> changed = new ArrayList<>();
		Map<Long, OrgUnit> toUpdate = units.findAllById(preview.values().stream().filter(v -> !v.isNew())
			.map(RegistryImportRow::existingId).toList()).stream().collect(Collectors.toMap(OrgUnit::getId, Function.identity()));
		for (RegistryImportRow v : preview.values()) {
			OrgUnit unit = v.isNew() ? OrgUnit.primary(created.getOrDefault(v.districtId(), v.districtId()))
					: toUpdate.get(v.existingId());
			unit.describe(v.nameKk(), v.nameRu(), v.kind(), v.address(), v.chairName(), v.chairPhone(), v.chairEmail(),
					true);
			changed.add(unit);
		}
		units.saveAll(changed);
		// written now: a constraint fails inside the import's all-or-nothing commit, before it is counted
		units.flush();
		importMetrics.committed("registry", changed.size());
		return changed.size();
	}

	/**
	 * The account narrowed to a region it covers from above (an account at the union's root), so the
	 * import matches committees and organizations of that region only.
	 */
	private CurrentUser intoRegion(CurrentUser user, long regionId) {
		requireWriter(user);
		OrgUnit region = units.findById(regionId)
			.filter(u -> u.getLevel() == kz.oqytu.organizations.UnitLevel.REGION)
			.orElseThrow(() -> new kz.oqytu.shared.NotFoundException("region " + regionId));
		if (!user.covers(region.getPath()) || user.scopePath().equals(region.getPath())) {
			throw new AccessDeniedException("only an account above the region chooses it as the import's target");
		}
		return new CurrentUser(user.id(), user.username(), user.fullName(), user.role(), region.getId(), region.getPath());
	}

	/** {@code added} null: unknown districts are errors; else they become committees to add (negative ids). */
	private ImportPreview<RegistryImportRow> previewRegistry(CurrentUser user, byte[] content, Map<String, Committee> added) {
		requireWriter(user);
		Map<String, Committee> committees = committeesByAlias(user);
		Map<String, Long> existing = new HashMap<>();
		jdbc.sql("select id, parent_id, name_kk from org_unit where level = 'PRIMARY' and path like :scope")
			.param("scope", user.scopePath() + "%")
			.query(rs -> {
				existing.put(rs.getLong("parent_id") + "|" + HeaderMap.normalize(rs.getString("name_kk")), rs.getLong("id"));
			});
		Map<String, PrimaryKind> kinds = kindAliases();
		return read(content, REGISTRY_COLUMNS, List.of("district", "nameKk", "kind"), (row, headers) -> {
			List<RowError> errors = new ArrayList<>();
			String districtText = Cells.text(row, headers.column("district"));
			String nameKk = Cells.text(row, headers.column("nameKk"));
			String kindText = Cells.text(row, headers.column("kind"));
			Committee committee = committees.get(HeaderMap.normalize(districtText));
			if (committee == null && added != null && !districtText.isEmpty() && districtText.length() <= 300) {
				// a new region's districts come with its first registry file
				committee = added.computeIfAbsent(HeaderMap.normalize(districtText),
						k -> new Committee(-1L - added.size(), districtText.strip()));
			}
			if (districtText.isEmpty()) {
				errors.add(new RowError("import.error.districtMissing"));
			}
			else if (committee == null) {
				errors.add(new RowError("import.error.districtUnknown", districtText));
			}
			if (nameKk.isEmpty()) {
				errors.add(new RowError("import.error.nameMissing"));
			}
			else if (nameKk.length() > 300) {
				errors.add(new RowError("import.error.tooLong", 300));
			}
			PrimaryKind kind = kinds.get(HeaderMap.normalize(kindText));
			if (kind == null) {
				errors.add(kindText.isEmpty() ? new RowError("import.error.kindMissing")
						: new RowError("import.error.kindUnknown", kindText));
			}
			String email = Cells.text(row, headers.column("chairEmail"));
			if (!email.isEmpty() && !email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
				errors.add(new RowError("import.error.emailInvalid", email));
			}
			if (!errors.isEmpty()) {
				return new SheetReader.Parsed<>(null, errors, null);
			}
			Long existingId = existing.get(committee.id() + "|" + HeaderMap.normalize(nameKk));
			RegistryImportRow value = new RegistryImportRow(existingId, committee.id(), nameKk,
					blankToNull(Cells.text(row, headers.column("nameRu"))), kind,
					blankToNull(Cells.text(row, headers.column("address"))),
					blankToNull(Cells.text(row, headers.column("chairName"))),
					blankToNull(Cells.text(row, headers.column("chairPhone"))), blankToNull(email));
			return new SheetReader.Parsed<>(value, errors, committee.id() + "|" + HeaderMap.normalize(nameKk));
		}, v -> v.isNew() ? "new" : "update");
	}

	@Override
	@Transactional
	public int commitRegistry(CurrentUser user, byte[] content) {
		ImportPreview<RegistryImportRow> preview = previewRegistry(user, content);
		if (!preview.valid()) {
			importMetrics.rejected("registry");
			throw new BusinessRuleException("import.error.notValid");
		}
		List<Long> updateIds = preview.values().stream().filter(v -> !v.isNew()).map(RegistryImportRow::existingId).toList();
		Map<Long, OrgUnit> toUpdate = units.findAllById(updateIds).stream()
			.collect(Collectors.toMap(OrgUnit::getId, Function.identity()));
		List<OrgUnit> changed = new ArrayList<>();
		List<OrgUnit> registered = new ArrayList<>();
		for (RegistryImportRow v : preview.values()) {
			OrgUnit unit = v.isNew() ? OrgUnit.primary(v.districtId())
					: toUpdate.get(v.existingId());
			if (v.isNew() || !unit.isActive()) {
				// new, or active again: a unit that counts from now on (the reports' rollups follow)
				registered.add(unit);
			}
			unit.describe(v.nameKk(), v.nameRu(), v.kind(), v.address(), v.chairName(), v.chairPhone(), v.chairEmail(),
					true);
			changed.add(unit);
		}
		units.saveAll(changed);
		// written now: a constraint fails inside the import's all-or-nothing commit, before it is counted
		units.flush();
		if (!registered.isEmpty()) {
			publisher.publishEvent(new kz.oqytu.organizations.RegistryChanged(
					registered.stream().map(OrgUnit::getId).collect(java.util.stream.Collectors.toSet()), java.util.Set.of()));
		}
		importMetrics.committed("registry", changed.size());
		return changed.size();
	}

	// ---- membership

	@Override
	@Transactional(readOnly = true)
	public ImportPreview<MembershipImportRow> previewMembership(CurrentUser user, byte[] content) {
		requireWriter(user);
		Map<String, Committee> committees = committeesByAlias(user);
		Map<Long, Long> parentOf = new HashMap<>();
		Map<String, Long> byName = new HashMap<>();
		jdbc.sql("select id, parent_id, name_kk, name_ru from org_unit where level = 'PRIMARY' and path like :scope")
			.param("scope", user.scopePath() + "%")
			.query(rs -> {
				long id = rs.getLong("id");
				parentOf.put(id, rs.getLong("parent_id"));
				byName.put(rs.getLong("parent_id") + "|" + HeaderMap.normalize(rs.getString("name_kk")), id);
				if (rs.getString("name_ru") != null) {
					byName.putIfAbsent(rs.getLong("parent_id") + "|" + HeaderMap.normalize(rs.getString("name_ru")), id);
				}
			});
		int nextYear = LocalDate.now(clock).getYear() + 1;
		// built once, only when a name is not found as written
		java.util.function.Supplier<NameMatcher> matcher = new java.util.function.Supplier<>() {
			private NameMatcher built;

			@Override
			public NameMatcher get() {
				if (built == null) {
					built = names.nameMatcher(user);
				}
				return built;
			}
		};
		return read(content, MEMBERSHIP_COLUMNS, List.of("asOf", "members"), (row, headers) -> {
			List<RowError> errors = new ArrayList<>();
			Long organizationId = null;
			String idText = Cells.text(row, headers.column("id"));
			String districtText = Cells.text(row, headers.column("district"));
			String name = Cells.text(row, headers.column("name"));
			if (!idText.isEmpty()) {
				Long id = Cells.wholeNumber(idText);
				if (id == null || !parentOf.containsKey(id)) {
					errors.add(new RowError("import.error.organizationUnknown", idText));
				}
				else {
					organizationId = id;
				}
			}
			else {
				Committee committee = committees.get(HeaderMap.normalize(districtText));
				if (districtText.isEmpty()) {
					errors.add(new RowError("import.error.districtMissing"));
				}
				else if (committee == null) {
					errors.add(new RowError("import.error.districtUnknown", districtText));
				}
				else if (name.isEmpty()) {
					errors.add(new RowError("import.error.nameMissing"));
				}
				else {
					organizationId = byName.get(committee.id() + "|" + HeaderMap.normalize(name));
					if (organizationId == null) {
						// as the participant list: the name as people write it ("№5" = "5-ші", мектеп = школа,
						// quotes, district words), or a spelling kept as an alias (decision 18)
						NameMatcher.Match match = matcher.get().resolve(name, committee.id());
						if (match.outcome() == NameMatcher.Outcome.FOUND && parentOf.containsKey(match.id())) {
							organizationId = match.id();
						}
						else {
							List<kz.oqytu.organizations.UnitOption> near = matcher.get().suggest(name, committee.id(), 1);
							if (near.isEmpty()) {
								errors.add(new RowError("import.error.organizationUnknown", name));
							}
							else {
								errors.add(new RowError("import.error.organizationUnknownNearest", name,
										near.get(0).name(LocaleContextHolder.getLocale())));
							}
						}
					}
				}
			}
			LocalDate asOf = Cells.date(row, headers.column("asOf"));
			String dateText = Cells.text(row, headers.column("asOf"));
			if (asOf == null || asOf.getMonthValue() != 1 || asOf.getDayOfMonth() != 1
					|| asOf.getYear() < MembershipRules.FIRST_YEAR || asOf.getYear() > nextYear) {
				errors.add(new RowError("import.error.dateWrong", dateText));
			}
			String membersText = Cells.text(row, headers.column("members"));
			Long members = Cells.wholeNumber(membersText);
			if (membersText.isEmpty()) {
				errors.add(new RowError("import.error.membersMissing"));
			}
			else if (members == null || members < 0 || members > 1_000_000) {
				errors.add(new RowError("import.error.membersInvalid", membersText));
			}
			if (!errors.isEmpty()) {
				return new SheetReader.Parsed<>(null, errors, null);
			}
			return new SheetReader.Parsed<>(new MembershipImportRow(organizationId, asOf, members.intValue()), errors,
					organizationId + "|" + asOf);
		}, v -> "set");
	}

	@Override
	@Transactional
	public int commitMembership(CurrentUser user, byte[] content) {
		ImportPreview<MembershipImportRow> preview = previewMembership(user, content);
		if (!preview.valid()) {
			importMetrics.rejected("membership");
			throw new BusinessRuleException("import.error.notValid");
		}
		// One statement per batch; an existing count for the same date is replaced.
		List<MembershipImportRow> rows = preview.values();
		for (int from = 0; from < rows.size(); from += 500) {
			List<MembershipImportRow> chunk = rows.subList(from, Math.min(rows.size(), from + 500));
			StringBuilder sql = new StringBuilder(
					"insert into membership_snapshot (id, org_unit_id, as_of, members) values ");
			Map<String, Object> params = new HashMap<>();
			for (int i = 0; i < chunk.size(); i++) {
				sql.append(i == 0 ? "" : ", ").append("(nextval('membership_snapshot_seq'), :o").append(i)
					.append(", :d").append(i).append(", :m").append(i).append(")");
				params.put("o" + i, chunk.get(i).organizationId());
				params.put("d" + i, chunk.get(i).asOf());
				params.put("m" + i, chunk.get(i).members());
			}
			sql.append(" on conflict (org_unit_id, as_of) do update set members = excluded.members,"
					+ " updated_at = :now, version = membership_snapshot.version + 1");
			params.put("now", java.time.OffsetDateTime.now(clock));
			jdbc.sql(sql.toString()).params(params).update();
		}
		if (!rows.isEmpty()) {
			publisher.publishEvent(new kz.oqytu.organizations.MembershipChanged(
					rows.stream().map(MembershipImportRow::organizationId).collect(java.util.stream.Collectors.toSet()),
					rows.stream().map(MembershipImportRow::asOf).collect(java.util.stream.Collectors.toSet())));
		}
		importMetrics.committed("membership", rows.size());
		return rows.size();
	}

	// ---- reading

	private record Committee(long id, String name) {
	}

	private <T> ImportPreview<T> read(byte[] content, Map<String, List<String>> columns, List<String> required,
			SheetReader.RowParser<T> parser, Function<T, String> status) {
		return SheetReader.read(content, limits, columns, required, MAX_ROWS, parser, status);
	}

	private Map<String, Committee> committeesByAlias(CurrentUser user) {
		Map<String, Committee> byAlias = new HashMap<>();
		jdbc.sql("select id, name_kk, name_ru from org_unit where level = 'COMMITTEE'"
				+ " and (path like :scope or :scope like path || '%')")
			.param("scope", user.scopePath() + "%")
			.query(rs -> {
				Committee c = new Committee(rs.getLong("id"), rs.getString("name_kk"));
				for (String name : new String[] { rs.getString("name_kk"), rs.getString("name_ru") }) {
					if (name == null) {
						continue;
					}
					String n = HeaderMap.normalize(name);
					byAlias.put(n, c);
					String[] words = n.split(" ");
					if (words.length > 1) {
						// "Алға ауданы" → "алға", "Алгинский район" → "алгинский", "город Актобе" → "актобе"
						byAlias.putIfAbsent(String.join(" ", java.util.Arrays.copyOf(words, words.length - 1)), c);
						byAlias.putIfAbsent(String.join(" ", java.util.Arrays.copyOfRange(words, 1, words.length)), c);
					}
				}
			});
		return byAlias;
	}

	private Map<String, PrimaryKind> kindAliases() {
		Map<String, PrimaryKind> aliases = new HashMap<>();
		for (PrimaryKind kind : PrimaryKind.values()) {
			aliases.put(HeaderMap.normalize(kind.name()), kind);
			for (String lang : List.of("kk", "ru", "en")) {
				aliases.put(HeaderMap.normalize(kindName(kind, Locale.forLanguageTag(lang))), kind);
			}
		}
		return aliases;
	}

	private String kindName(PrimaryKind kind, Locale locale) {
		return messages.getMessage("kind." + kind.name(), null, kind.name(), locale);
	}

	private static void requireWriter(CurrentUser user) {
		if (!user.writesTraining()) {
			throw new AccessDeniedException("read-only role");
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
