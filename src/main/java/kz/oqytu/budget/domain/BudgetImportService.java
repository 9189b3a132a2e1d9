package kz.oqytu.budget.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.budget.BudgetCommand;
import kz.oqytu.budget.BudgetImportRow;
import kz.oqytu.budget.BudgetImports;
import kz.oqytu.budget.BudgetLineCategory;
import kz.oqytu.budget.Budgets;
import kz.oqytu.budget.PlanFact;
import kz.oqytu.organizations.Scopes;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.imports.HeaderMap;
import kz.oqytu.shared.imports.ImportPreview;
import kz.oqytu.shared.imports.RowError;
import kz.oqytu.shared.imports.SheetReader;
import kz.oqytu.shared.xlsx.Cells;
import kz.oqytu.shared.xlsx.SheetLimits;
import kz.oqytu.shared.xlsx.XlsxWriter;
import kz.oqytu.shared.xlsx.XlsxWriters;
import java.time.Clock;

@Service
class BudgetImportService implements BudgetImports {

	static final int MAX_ROWS = 5_000;

	/** Column keys are the form's field names, so a rule violation names its column. */
	static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

	private static final Map<BudgetLineCategory, String[]> LINE_TITLES = new EnumMap<>(BudgetLineCategory.class);

	static {
		LINE_TITLES.put(BudgetLineCategory.SEMINARS, new String[] { "Семинарлар", "Семинары", "Seminars" });
		LINE_TITLES.put(BudgetLineCategory.MATERIALS, new String[] { "Материалдар", "Материалы", "Materials" });
		LINE_TITLES.put(BudgetLineCategory.TRAINERS, new String[] { "Тренерлер", "Тренеры", "Trainers" });
		LINE_TITLES.put(BudgetLineCategory.TRAVEL, new String[] { "Іссапарлар", "Командировки", "Travel" });
		LINE_TITLES.put(BudgetLineCategory.OTHER, new String[] { "Басқа", "Прочие", "Other" });

		COLUMNS.put("id", List.of("ID", "Oqytu ID"));
		COLUMNS.put("body", List.of("Кәсіподақ органы / Профсоюзный орган", "Кәсіподақ органы", "Профсоюзный орган",
				"Орган", "Union body", "Body"));
		COLUMNS.put("year", List.of("Жыл / Год", "Жыл", "Год", "Year"));
		amountColumn("totalPlanned", "Шығыс бөлігі", "Расходная часть", "Expenditure", true);
		amountColumn("totalActual", "Шығыс бөлігі", "Расходная часть", "Expenditure", false);
		amountColumn("trainingPlanned", "Оқытуға шығын", "Расходы на обучение", "Training", true);
		amountColumn("trainingActual", "Оқытуға шығын", "Расходы на обучение", "Training", false);
		for (BudgetLineCategory category : BudgetLineCategory.values()) {
			String[] t = LINE_TITLES.get(category);
			amountColumn(category.plannedField(), t[0], t[1], t[2], true);
			amountColumn(category.actualField(), t[0], t[1], t[2], false);
		}
	}

	/** "Шығыс бөлігі, жоспар / Расходная часть, план", and each half on its own. */
	private static void amountColumn(String key, String kk, String ru, String en, boolean planned) {
		String kkTitle = kk + (planned ? ", жоспар" : ", нақты");
		String ruTitle = ru + (planned ? ", план" : ", факт");
		COLUMNS.put(key, List.of(kkTitle + " / " + ruTitle, kkTitle, ruTitle, en + (planned ? ", planned" : ", actual")));
	}

	/** The amount columns in template order: everything after id, body and year. */
	private static final List<String> AMOUNT_COLUMNS = COLUMNS.keySet().stream().skip(3).toList();

	private static final List<String> REQUIRED = List.of("body", "year", "totalPlanned", "totalActual",
			"trainingPlanned", "trainingActual");

	/** Templates carry the footer of every file: the time made, in the reader's language. */
	private final XlsxWriters writers;

	private final JdbcClient jdbc;

	private final BudgetRepository budgets;

	private final kz.oqytu.shared.imports.ImportMetrics importMetrics;

	private final SheetLimits limits;

	private final Clock clock;

	BudgetImportService(JdbcClient jdbc, BudgetRepository budgets, kz.oqytu.shared.imports.ImportMetrics importMetrics,
			SheetLimits limits, Clock clock, XlsxWriters writers) {
		this.writers = writers;
		this.clock = clock;
		this.importMetrics = importMetrics;
		this.limits = limits;
		this.jdbc = jdbc;
		this.budgets = budgets;
	}

	// ---- template

	@Override
	@Transactional(readOnly = true)
	public byte[] template(CurrentUser user, int year) {
		requireWriter(user);
		Map<Long, Map<BudgetLineCategory, PlanFact>> lines = new HashMap<>();
		jdbc.sql("""
				select b.org_unit_id, l.category, l.planned, l.actual from budget_line l
				join budget b on b.id = l.budget_id join organizations_v_unit u on u.id = b.org_unit_id
				where b.year = :year and %s
				""".formatted(Scopes.within("u.path", "scope")))
			.param("year", year)
			.param("scope", Scopes.prefix(user.scopePath()))
			.query(rs -> {
				lines.computeIfAbsent(rs.getLong("org_unit_id"), id -> new EnumMap<>(BudgetLineCategory.class))
					.put(BudgetLineCategory.valueOf(rs.getString("category")),
							new PlanFact(rs.getBigDecimal("planned"), rs.getBigDecimal("actual")));
			});
		try (XlsxWriter xlsx = writers.open(org.springframework.context.i18n.LocaleContextHolder.getLocale())) {
			Sheet sheet = xlsx.sheet("Budget " + year);
			xlsx.headers(sheet, 0, COLUMNS.values().stream().map(a -> a.get(0)).toArray(String[]::new));
			sheet.setColumnWidth(1, 60 * 256);
			int[] r = { 1 };
			// The bodies in scope with what is recorded for the year, so that a re-import loses nothing.
			jdbc.sql("""
					select u.id, u.name_kk, b.total_planned, b.total_actual, b.training_planned, b.training_actual
					from organizations_v_unit u
					left join budget b on b.org_unit_id = u.id and b.year = :year
					where %s
					  and (u.level in ('REGION', 'COMMITTEE') or (u.level = 'PRIMARY' and b.id is not null))
					order by case u.level when 'REGION' then 0 when 'COMMITTEE' then 1 else 2 end,
					         case u.committee_kind when 'CITY' then 0 else 1 end, u.name_kk
					""".formatted(Scopes.within("u.path", "scope")))
				.param("year", year)
				.param("scope", Scopes.prefix(user.scopePath()))
				.query(rs -> {
					long id = rs.getLong("id");
					Row row = xlsx.row(sheet, r[0]++);
					xlsx.integer(row, 0, id);
					xlsx.text(row, 1, rs.getString("name_kk"));
					xlsx.integer(row, 2, year);
					Map<String, BigDecimal> amounts = new HashMap<>();
					amounts.put("totalPlanned", rs.getBigDecimal("total_planned"));
					amounts.put("totalActual", rs.getBigDecimal("total_actual"));
					amounts.put("trainingPlanned", rs.getBigDecimal("training_planned"));
					amounts.put("trainingActual", rs.getBigDecimal("training_actual"));
					lines.getOrDefault(id, Map.of()).forEach((category, line) -> {
						amounts.put(category.plannedField(), line.planned());
						amounts.put(category.actualField(), line.actual());
					});
					int c = 3;
					for (String key : AMOUNT_COLUMNS) {
						xlsx.decimal(row, c++, amounts.get(key));
					}
				});
			return xlsx.toBytes();
		}
	}

	// ---- preview and commit

	@Override
	@Transactional(readOnly = true)
	public ImportPreview<BudgetImportRow> preview(CurrentUser user, byte[] content) {
		requireWriter(user);
		Map<String, Long> byName = bodiesByName(user);
		Set<Long> inScope = new HashSet<>(jdbc
			.sql("select id from organizations_v_unit where level <> 'NATIONAL' and " + Scopes.within("path", "scope"))
			.param("scope", Scopes.prefix(user.scopePath()))
			.query(Long.class)
			.list());
		Set<String> recorded = new HashSet<>(jdbc
			.sql("select b.org_unit_id || '|' || b.year from budget b join organizations_v_unit u on u.id = b.org_unit_id"
					+ " where " + Scopes.within("u.path", "scope"))
			.param("scope", Scopes.prefix(user.scopePath()))
			.query(String.class)
			.list());
		int firstYear = Budgets.firstYear();
		int lastYear = Budgets.lastYear(clock);
		return SheetReader.read(content, limits, COLUMNS, REQUIRED, MAX_ROWS, (row, headers) -> {
			List<RowError> errors = new ArrayList<>();
			Long unitId = null;
			String idText = Cells.text(row, headers.column("id"));
			String bodyText = Cells.text(row, headers.column("body"));
			if (!idText.isEmpty()) {
				Long id = Cells.wholeNumber(idText);
				if (id == null || !inScope.contains(id)) {
					errors.add(new RowError("budget.import.error.bodyUnknown", idText));
				}
				else {
					unitId = id;
				}
			}
			else if (bodyText.isEmpty()) {
				errors.add(new RowError("budget.import.error.bodyMissing"));
			}
			else {
				unitId = byName.get(HeaderMap.normalize(bodyText));
				if (unitId == null) {
					errors.add(new RowError("budget.import.error.bodyUnknown", bodyText));
				}
			}
			String yearText = Cells.text(row, headers.column("year"));
			Long year = Cells.wholeNumber(yearText);
			if (year == null || year < firstYear || year > lastYear) {
				errors.add(new RowError("budget.import.error.yearWrong", yearText, firstYear, lastYear));
			}
			Map<String, BigDecimal> amounts = new HashMap<>();
			for (String key : AMOUNT_COLUMNS) {
				String text = Cells.text(row, headers.column(key));
				if (text.isEmpty()) {
					continue;
				}
				BigDecimal value = Cells.decimal(text);
				if (value == null) {
					errors.add(new RowError("budget.import.error.amountInvalid", title(headers, key), text));
				}
				else {
					amounts.put(key, value);
				}
			}
			if (!errors.isEmpty()) {
				return new SheetReader.Parsed<>(null, errors, null);
			}
			BudgetCommand command = command(amounts);
			for (BudgetRules.Violation v : BudgetRules.violations(command)) {
				errors.add(new RowError("budget.import.error." + v.code(), title(headers, v.field())));
			}
			if (!errors.isEmpty()) {
				return new SheetReader.Parsed<>(null, errors, null);
			}
			String key = unitId + "|" + year;
			return new SheetReader.Parsed<>(
					new BudgetImportRow(unitId, year.intValue(), command, recorded.contains(key)), errors, key);
		}, v -> v.replaces() ? "update" : "new");
	}

	private static BudgetCommand command(Map<String, BigDecimal> amounts) {
		Map<BudgetLineCategory, PlanFact> lines = new EnumMap<>(BudgetLineCategory.class);
		for (BudgetLineCategory category : BudgetLineCategory.values()) {
			lines.put(category, new PlanFact(amounts.get(category.plannedField()), amounts.get(category.actualField())));
		}
		return new BudgetCommand(amounts.get("totalPlanned"), amounts.get("totalActual"),
				amounts.get("trainingPlanned"), amounts.get("trainingActual"), lines);
	}

	/** The column's title as the user's file has it, else the template's. */
	private static String title(HeaderMap headers, String key) {
		return headers.has(key) ? headers.headers().get(headers.column(key)) : COLUMNS.get(key).get(0);
	}

	@Override
	@Transactional
	public Imported commit(CurrentUser user, byte[] content) {
		ImportPreview<BudgetImportRow> preview = preview(user, content);
		if (!preview.valid()) {
			importMetrics.rejected("budgets");
			throw new BusinessRuleException("import.error.notValid");
		}
		Map<Integer, List<BudgetImportRow>> byYear = preview.values().stream()
			.collect(Collectors.groupingBy(BudgetImportRow::year));
		List<Budget> changed = new ArrayList<>();
		for (Map.Entry<Integer, List<BudgetImportRow>> entry : byYear.entrySet()) {
			Map<Long, Budget> existing = budgets
				.findByYearAndUnitIdIn(entry.getKey(), entry.getValue().stream().map(BudgetImportRow::unitId).toList())
				.stream()
				.collect(Collectors.toMap(Budget::getUnitId, Function.identity()));
			for (BudgetImportRow v : entry.getValue()) {
				Budget budget = existing.get(v.unitId());
				if (budget == null) {
					budget = new Budget(v.unitId(), v.year());
				}
				budget.record(v.command(), user.username());
				changed.add(budget);
			}
		}
		budgets.saveAll(changed);
		// written now: a constraint fails inside the import's all-or-nothing commit, before it is counted
		budgets.flush();
		importMetrics.committed("budgets", changed.size());
		return new Imported(changed.size(), byYear.keySet().stream().sorted(Comparator.reverseOrder()).toList());
	}

	// ---- names

	/**
	 * The region and committees in scope by their Kazakh and Russian names and the short forms
	 * people write: "Алға ауданы" → "алға", "Алгинский район" → "алгинский", "город Актобе" → "актобе".
	 */
	private static final Set<String> GENERIC_WORDS = Set.of("ауданы", "қаласы", "район", "город", "district", "city");

	private Map<String, Long> bodiesByName(CurrentUser user) {
		Map<String, Long> byName = new HashMap<>();
		List<Long> regions = new ArrayList<>();
		jdbc.sql("select id, level, name_kk, name_ru from organizations_v_unit"
				+ " where level in ('REGION', 'COMMITTEE') and " + Scopes.within("path", "scope"))
			.param("scope", Scopes.prefix(user.scopePath()))
			.query(rs -> {
				long id = rs.getLong("id");
				if ("REGION".equals(rs.getString("level"))) {
					regions.add(id);
				}
				for (String name : new String[] { rs.getString("name_kk"), rs.getString("name_ru") }) {
					if (name == null) {
						continue;
					}
					String n = HeaderMap.normalize(name);
					byName.put(n, id);
					String shortName = Arrays.stream(n.split(" "))
						.filter(w -> !GENERIC_WORDS.contains(w))
						.collect(Collectors.joining(" "));
					if (!shortName.isEmpty()) {
						byName.putIfAbsent(shortName, id);
					}
				}
			});
		if (regions.size() == 1) {
			for (String alias : List.of("облыстық ұйым", "областная организация", "облыс", "область", "region")) {
				byName.putIfAbsent(alias, regions.get(0));
			}
		}
		return byName;
	}

	private static void requireWriter(CurrentUser user) {
		if (!user.writesTraining()) {
			throw new AccessDeniedException("read-only role");
		}
	}
}
