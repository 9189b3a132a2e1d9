package kz.oqytu.training.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.OrganizationCriteria;
import kz.oqytu.organizations.OrganizationRow;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.UnitOption;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.LocalizedText;
import kz.oqytu.shared.imports.HeaderMap;
import kz.oqytu.shared.imports.ImportPreview;
import kz.oqytu.shared.imports.ImportRow;
import kz.oqytu.shared.imports.RowError;
import kz.oqytu.shared.xlsx.Cells;
import kz.oqytu.shared.xlsx.SafeWorkbooks;
import kz.oqytu.shared.xlsx.SheetLimits;
import kz.oqytu.shared.xlsx.SheetRow;
import kz.oqytu.shared.xlsx.XlsxWriter;
import kz.oqytu.training.CatalogItem;
import kz.oqytu.training.Participant;
import kz.oqytu.training.ParticipantColumns;
import kz.oqytu.training.ParticipantCommand;
import kz.oqytu.training.ParticipantImportPreview;
import kz.oqytu.training.ParticipantImports;
import kz.oqytu.training.SheetColumn;
import kz.oqytu.training.TrainingCatalog;
import kz.oqytu.training.TrainingEvents;

/**
 * Reads a participant list once, resolves organizations from one name index and categories from
 * the catalog in memory (no statement per row), and hands the whole list to
 * {@link TrainingEvents#addParticipants}, which checks it again and writes it in one batch.
 */
@Service
class ParticipantImportService implements ParticipantImports {

	/** The longest list by default ({@code oqytu.imports.participants.max-rows}); reading stops beyond it. */
	static final int MAX_ROWS = 20_000;

	static final int MAX_NAME = 300;

	static final int MAX_POSITION = 200;

	/** Header rows are looked for among the first rows: lists on file often start with a title. */
	static final int HEADER_SEARCH_ROWS = 10;

	/** Cell text shown back in the preview and in messages is cut here (a cell may hold 32 767). */
	static final int SHOWN_TEXT = 300;

	/** Nearest-name look-ups per preview, one statement each: enough for a file with a few mistakes. */
	static final int MAX_SUGGESTION_LOOKUPS = 50;

	static final String NAME = "name";

	static final String ORGANIZATION = "organization";

	static final String CATEGORY = "category";

	static final String POSITION = "position";

	/** The template's headers first; then what lists kept on file use, in Kazakh, Russian, English. */
	static final Map<String, List<String>> HEADERS = new LinkedHashMap<>();

	static {
		HEADERS.put(NAME, List.of("Аты-жөні / ФИО", "Аты-жөні", "ФИО", "Т.А.Ә.", "Тегі, аты, әкесінің аты",
				"Қатысушының аты-жөні", "Қатысушы", "Фамилия, имя, отчество", "Фамилия И.О.", "ФИО участника",
				"Участник", "Full name", "Name", "Participant"));
		HEADERS.put(ORGANIZATION, List.of("Ұйым / Организация", "Ұйым", "Ұйымы", "Бастауыш ұйым", "БКҰ", "Жұмыс орны",
				"Мекеме", "Білім беру ұйымы", "Организация", "Первичная организация", "ППО", "Место работы",
				"Учреждение", "Организация образования", "Наименование организации", "Organization", "Organisation",
				"Primary organization", "Workplace"));
		HEADERS.put(CATEGORY, List.of("Санат / Категория", "Санат", "Санаты", "Қатысушы санаты", "Категория",
				"Категория участника", "Category"));
		HEADERS.put(POSITION, List.of("Лауазымы / Должность", "Лауазымы", "Лауазым", "Қызметі", "Должность",
				"Position", "Job title"));
	}

	/**
	 * Short forms people write for the categories, besides the catalog's own kk/ru/en names and codes.
	 * Kept here, not in a migration: they are how files are read, not reference data.
	 */
	static final Map<String, List<String>> CATEGORY_SHORT_FORMS = Map.of(
			"UNION_MEMBER", List.of("кәсіподақ мүшесі", "мүше", "мүшесі", "член профсоюза", "член", "union member",
					"member"),
			"AUDIT_COMMISSION", List.of("тексеру комиссиясы", "тексеру комиссиясының мүшесі", "ревизионная комиссия",
					"член ревизионной комиссии", "ревкомиссия", "audit commission", "audit"),
			"ACTIVIST", List.of("актив", "белсенді", "кәсіподақ белсендісі", "кәсіподақ белсенділері", "профактив",
					"активист", "профсоюзный активист", "activist"),
			"CHAIR", List.of("төраға", "төрағасы", "кәсіподақ ұйымының төрағасы", "БКҰ төрағасы", "председатель",
					"председатель ППО", "председатель профсоюзной организации",
					"председатель первичной профсоюзной организации", "chair", "chairperson"),
			"CONCILIATION_COMMISSION", List.of("келісу комиссиясы", "келісу комиссиясының мүшесі",
					"согласительная комиссия", "член согласительной комиссии", "conciliation commission",
					"conciliation"));

	private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

	private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");

	private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}№]+");

	private static final Pattern KAZAKH_LETTERS = Pattern.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]");

	private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");

	private static final Locale KAZAKH = Locale.forLanguageTag("kk");

	private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

	private static final Pattern HEADER_PARTS = Pattern.compile("[/|()\\[\\]\\n]+");

	private final TrainingEvents events;

	private final TrainingCatalog catalog;

	private final Organizations organizations;

	private final kz.oqytu.shared.imports.ImportMetrics importMetrics;

	private final SheetLimits limits;

	private final int maxRows;

	ParticipantImportService(TrainingEvents events, TrainingCatalog catalog, Organizations organizations,
			kz.oqytu.shared.imports.ImportMetrics importMetrics, SheetLimits limits,
			@Value("${oqytu.imports.participants.max-rows:" + MAX_ROWS + "}") int maxRows) {
		this.importMetrics = importMetrics;
		this.limits = limits;
		this.maxRows = maxRows;
		this.events = events;
		this.catalog = catalog;
		this.organizations = organizations;
	}

	// ---- template

	@Override
	@Transactional(readOnly = true)
	public byte[] template(CurrentUser user) {
		requireWriter(user);
		List<OrganizationRow> example = organizations
			.search(user, new OrganizationCriteria(null, null, null, true, null, false, 0, 1))
			.getContent();
		List<CatalogItem> categories = catalog.categories();
		try (XlsxWriter xlsx = new XlsxWriter()) {
			Sheet list = xlsx.sheet("Тізім - Список");
			xlsx.headers(list, 0, HEADERS.values().stream().map(a -> a.get(0)).toArray(String[]::new));
			Row row = xlsx.row(list, 1);
			xlsx.text(row, 0, "Серікова Айгүл Маратқызы");
			xlsx.text(row, 1, example.isEmpty() ? "" : example.get(0).nameKk());
			xlsx.text(row, 2, categories.isEmpty() ? "" : categories.get(0).nameKk());
			xlsx.text(row, 3, "мұғалім");
			int[] widths = { 40, 60, 36, 30 };
			for (int c = 0; c < widths.length; c++) {
				list.setColumnWidth(c, widths[c] * 256);
			}
			list.createFreezePane(0, 1);

			Sheet names = xlsx.sheet("Санаттар - Категории");
			xlsx.headers(names, 0, "Қазақша / На казахском", "Орысша / На русском", "English", "Код / Code",
					"Қысқаша / Кратко");
			for (int i = 0; i < categories.size(); i++) {
				CatalogItem c = categories.get(i);
				Row r = xlsx.row(names, i + 1);
				xlsx.text(r, 0, c.nameKk());
				xlsx.text(r, 1, c.nameRu());
				xlsx.text(r, 2, c.nameEn());
				xlsx.text(r, 3, c.code());
				xlsx.text(r, 4, String.join(", ", CATEGORY_SHORT_FORMS.getOrDefault(c.code(), List.of())));
			}
			int[] nameWidths = { 36, 40, 32, 28, 70 };
			for (int c = 0; c < nameWidths.length; c++) {
				names.setColumnWidth(c, nameWidths[c] * 256);
			}
			return xlsx.toBytes();
		}
	}

	// ---- preview and commit

	@Override
	@Transactional(readOnly = true)
	public ParticipantImportPreview preview(CurrentUser user, long eventId, byte[] content,
			ParticipantColumns columns, Locale locale) {
		requireWriter(user);
		return read(user, eventId, content, columns, locale, true, false);
	}

	@Override
	@Transactional
	public int commit(CurrentUser user, long eventId, byte[] content, ParticipantColumns columns) {
		requireWriter(user);
		ParticipantImportPreview preview = read(user, eventId, content, columns, null, false, false);
		if (!preview.valid()) {
			importMetrics.rejected("participants");
			throw new BusinessRuleException("participants.import.error.notValid");
		}
		// addParticipants validates every row again and writes all of them or none.
		int added = events.addParticipants(user, eventId, preview.rows().values());
		importMetrics.committed("participants", added);
		return added;
	}

	@Override
	@Transactional(readOnly = true)
	public ParticipantImportPreview readColumns(CurrentUser user, long eventId, byte[] content,
			ParticipantColumns columns) {
		requireWriter(user);
		return read(user, eventId, content, columns, null, false, true);
	}

	private ParticipantImportPreview read(CurrentUser user, long eventId, byte[] content, ParticipantColumns chosen,
			Locale locale, boolean suggest, boolean columnsOnly) {
		// Also the scope check: an event outside the user's subtree is refused here.
		List<Participant> listed = events.participants(user, eventId);
		ListReading reading = new ListReading(user, chosen, listed, locale, suggest, columnsOnly);
		SafeWorkbooks.read(content, limits, reading::accept);
		return reading.finish();
	}

	/**
	 * The list as it streams in: the first rows are held until the header row among them is known
	 * (lists on file often start with a title), then every row is checked as it arrives and the
	 * reading stops at {@link #maxRows}.
	 */
	private final class ListReading {

		private final CurrentUser user;

		private final ParticipantColumns chosen;

		private final List<Participant> listed;

		private final Locale locale;

		private final boolean suggest;

		private final boolean columnsOnly;

		private final List<SheetRow> window = new ArrayList<>(HEADER_SEARCH_ROWS);

		/** Set when the reading ends before any data row: no header, or the columns to be chosen. */
		private ParticipantImportPreview result;

		private RowCheck check;

		ListReading(CurrentUser user, ParticipantColumns chosen, List<Participant> listed, Locale locale,
				boolean suggest, boolean columnsOnly) {
			this.user = user;
			this.chosen = chosen;
			this.listed = listed;
			this.locale = locale;
			this.suggest = suggest;
			this.columnsOnly = columnsOnly;
		}

		boolean accept(SheetRow row) {
			if (check != null) {
				return check.add(row);
			}
			if (result != null) {
				return false;
			}
			if (window.isEmpty() || row.index() < window.get(0).index() + HEADER_SEARCH_ROWS) {
				window.add(row);
				return true;
			}
			start();
			return check != null && check.add(row);
		}

		ParticipantImportPreview finish() {
			if (check == null && result == null) {
				start();
			}
			return result != null ? result : check.preview();
		}

		/** The header row is known: either the reading ends here, or the rows after it are checked. */
		private void start() {
			SheetRow header = headerRow(window);
			if (header == null) {
				result = new ParticipantImportPreview(List.of(), new ParticipantColumns(null, null, null, null), false,
						List.of(), fileError(new RowError("import.error.noRows")), Map.of(), listed.size());
				return;
			}
			List<SheetColumn> sheetColumns = sheetColumns(header);
			boolean given = chosen != null && chosen.chosen();
			ParticipantColumns columns = given ? chosen : recognize(header);
			List<RowError> mappingErrors = given ? checkMapping(chosen, sheetColumns.size()) : List.of();
			if (columnsOnly || !mappingErrors.isEmpty() || !columns.complete()) {
				result = new ParticipantImportPreview(sheetColumns, columns, true, mappingErrors, null, Map.of(),
						listed.size());
				return;
			}
			check = new RowCheck(user, sheetColumns, columns, listed, locale, suggest);
			for (SheetRow row : window) {
				if (row.index() > header.index() && !check.add(row)) {
					break;
				}
			}
			window.clear();
		}
	}

	/** Checks each data row as it arrives, against the registry's names, the catalog and the list so far. */
	private final class RowCheck {

		private final CurrentUser user;

		private final List<SheetColumn> sheetColumns;

		private final ParticipantColumns columns;

		private final List<Participant> listed;

		private final Locale locale;

		private final boolean suggest;

		private final OrganizationResolver resolver;

		private final Map<String, String> categories = categoryAliases();

		private final Set<String> onList = new HashSet<>();

		private final Map<String, Integer> firstRow = new HashMap<>();

		private final Map<String, String> suggestions = new HashMap<>();

		private final List<ImportRow<ParticipantCommand>> rows = new ArrayList<>();

		private final List<RowError> fileErrors = new ArrayList<>();

		private final int nameColumn;

		private final int organizationColumn;

		private final int categoryColumn;

		private final int positionColumn;

		private boolean stopped;

		RowCheck(CurrentUser user, List<SheetColumn> sheetColumns, ParticipantColumns columns, List<Participant> listed,
				Locale locale, boolean suggest) {
			this.user = user;
			this.sheetColumns = sheetColumns;
			this.columns = columns;
			this.listed = listed;
			this.locale = locale;
			this.suggest = suggest;
			this.resolver = new OrganizationResolver(organizations.nameIndex(user));
			for (Participant p : listed) {
				onList.add(Organizations.nameKey(p.fullName()) + "|" + p.organizationId());
			}
			this.nameColumn = columns.name();
			this.organizationColumn = columns.organization();
			this.categoryColumn = columns.category();
			this.positionColumn = columns.position() == null ? -1 : columns.position();
		}

		/** Checks one row; false once the list is longer than allowed (the reading stops there). */
		boolean add(SheetRow row) {
			if (stopped) {
				return false;
			}
			String name = clean(Cells.text(row, nameColumn));
			String organization = clean(Cells.text(row, organizationColumn));
			String category = clean(Cells.text(row, categoryColumn));
			String position = clean(Cells.text(row, positionColumn));
			if (name.isEmpty() && organization.isEmpty() && category.isEmpty() && position.isEmpty()) {
				// Blank, or only a pre-numbered line of a form left empty.
				return true;
			}
			if (rows.size() >= maxRows) {
				fileErrors.add(new RowError("import.error.tooManyRows", maxRows));
				stopped = true;
				return false;
			}
			int rowNumber = row.index() + 1;
			List<RowError> errors = new ArrayList<>(2);
			if (name.isEmpty()) {
				errors.add(new RowError("participants.import.error.nameMissing"));
			}
			else if (name.length() > MAX_NAME) {
				errors.add(new RowError("participants.import.error.nameTooLong", MAX_NAME));
			}
			Long organizationId = null;
			if (organization.isEmpty()) {
				errors.add(new RowError("participants.import.error.organizationMissing"));
			}
			else {
				OrganizationResolver.Match match = resolver.find(organization);
				if (match.outcome() == OrganizationResolver.Outcome.AMBIGUOUS) {
					errors.add(new RowError("participants.import.error.organizationAmbiguous", shown(organization)));
				}
				else if (match.outcome() == OrganizationResolver.Outcome.UNKNOWN) {
					String near = suggest ? suggestions(user, organization, locale, suggestions) : "";
					errors.add(near.isEmpty() ? new RowError("participants.import.error.organizationUnknown", shown(organization))
							: new RowError("participants.import.error.organizationSuggest", shown(organization), near));
				}
				else {
					organizationId = match.id();
				}
			}
			String categoryCode = null;
			if (category.isEmpty()) {
				errors.add(new RowError("participants.import.error.categoryMissing"));
			}
			else {
				categoryCode = categories.get(looseKey(category));
				if (categoryCode == null) {
					errors.add(new RowError("participants.import.error.categoryUnknown", shown(category)));
				}
			}
			if (position.length() > MAX_POSITION) {
				errors.add(new RowError("participants.import.error.positionTooLong", MAX_POSITION));
			}
			if (organizationId != null && !name.isEmpty()) {
				String person = Organizations.nameKey(name) + "|" + organizationId;
				Integer earlier = firstRow.putIfAbsent(person, rowNumber);
				if (earlier != null) {
					errors.add(new RowError("participants.import.error.duplicateInFile", earlier));
				}
				else if (onList.contains(person)) {
					errors.add(new RowError("participants.import.error.alreadyListed", shown(name)));
				}
			}
			ParticipantCommand value = errors.isEmpty() ? new ParticipantCommand(name, organizationId, categoryCode,
					position.isEmpty() ? null : position) : null;
			List<String> cells = List.of(shown(name), shown(organization), shown(category), shown(position));
			rows.add(new ImportRow<>(rowNumber, cells, value, List.copyOf(errors), value == null ? "error" : "add"));
			return true;
		}

		ParticipantImportPreview preview() {
			if (rows.isEmpty() && fileErrors.isEmpty()) {
				fileErrors.add(new RowError("import.error.noRows"));
			}
			ImportPreview<ParticipantCommand> checked = new ImportPreview<>(
					sheetColumns.stream().map(SheetColumn::header).toList(), rows, fileErrors);
			Map<String, Long> byCategory = new LinkedHashMap<>();
			for (CatalogItem c : catalog.categories()) {
				byCategory.put(c.code(), 0L);
			}
			for (ImportRow<ParticipantCommand> r : rows) {
				if (r.valid()) {
					byCategory.merge(r.value().categoryCode(), 1L, Long::sum);
				}
			}
			return new ParticipantImportPreview(sheetColumns, columns, false, List.of(), checked, byCategory,
					listed.size());
		}
	}

	/** Nearest registry names, cached per typed name and limited in number (one statement each). */
	private String suggestions(CurrentUser user, String organization, Locale locale, Map<String, String> cache) {
		String key = Organizations.nameKey(organization);
		String cached = cache.get(key);
		if (cached != null || cache.size() >= MAX_SUGGESTION_LOOKUPS) {
			return cached == null ? "" : cached;
		}
		List<UnitOption> near = organizations.suggest(user, organization, 3);
		// Named in the language the file is written in, so the right name can be pasted back into it.
		Locale language = KAZAKH_LETTERS.matcher(organization).find() ? KAZAKH
				: CYRILLIC.matcher(organization).find() ? RUSSIAN : locale;
		String text = String.join("; ",
				near.stream().map(u -> LocalizedText.pick(language, u.nameKk(), u.nameRu())).toList());
		cache.put(key, text);
		return text;
	}

	// ---- columns

	/** The row among the first few that names the most fields; else the fullest one (the headers to map). */
	static SheetRow headerRow(List<SheetRow> firstRows) {
		SheetRow best = null;
		int bestScore = 0;
		SheetRow fullest = null;
		int mostCells = 0;
		for (SheetRow row : firstRows) {
			ParticipantColumns found = recognize(row);
			int score = (found.name() != null ? 1 : 0) + (found.organization() != null ? 1 : 0)
					+ (found.category() != null ? 1 : 0) + (found.position() != null ? 1 : 0);
			if (score > bestScore) {
				best = row;
				bestScore = score;
			}
			int cells = 0;
			for (int c = 0; c < row.width(); c++) {
				if (!Cells.text(row, c).isEmpty()) {
					cells++;
				}
			}
			if (cells > mostCells) {
				fullest = row;
				mostCells = cells;
			}
		}
		return best != null ? best : fullest;
	}

	/** Matches headers loosely: case, spaces and punctuation aside, and either half of "Аты-жөні / ФИО". */
	static ParticipantColumns recognize(SheetRow header) {
		int width = header == null ? 0 : header.width();
		List<String> whole = new ArrayList<>(width);
		List<Set<String>> parts = new ArrayList<>(width);
		for (int c = 0; c < width; c++) {
			String title = Cells.text(header, c);
			whole.add(looseKey(title));
			Set<String> p = new HashSet<>();
			for (String part : HEADER_PARTS.split(title)) {
				p.add(looseKey(part));
			}
			parts.add(p);
		}
		Map<String, Integer> found = new HashMap<>();
		Set<Integer> taken = new HashSet<>();
		// Whole titles first, so that "Санат / Категория" wins over a column that only mentions a category.
		for (boolean byParts : new boolean[] { false, true }) {
			for (Map.Entry<String, List<String>> field : HEADERS.entrySet()) {
				if (found.containsKey(field.getKey())) {
					continue;
				}
				Set<String> aliases = new HashSet<>();
				field.getValue().forEach(a -> aliases.add(looseKey(a)));
				for (int c = 0; c < width; c++) {
					if (taken.contains(c)) {
						continue;
					}
					boolean match = byParts ? parts.get(c).stream().anyMatch(aliases::contains)
							: aliases.contains(whole.get(c));
					if (match) {
						found.put(field.getKey(), c);
						taken.add(c);
						break;
					}
				}
			}
		}
		return new ParticipantColumns(found.get(NAME), found.get(ORGANIZATION), found.get(CATEGORY),
				found.get(POSITION));
	}

	private static List<SheetColumn> sheetColumns(SheetRow header) {
		int width = header.width();
		List<SheetColumn> columns = new ArrayList<>(width);
		for (int c = 0; c < width; c++) {
			columns.add(new SheetColumn(c, CellReference.convertNumToColString(c), clean(Cells.text(header, c))));
		}
		return columns;
	}

	private static List<RowError> checkMapping(ParticipantColumns c, int width) {
		List<RowError> errors = new ArrayList<>();
		if (!c.complete()) {
			errors.add(new RowError("participants.import.error.columnsIncomplete"));
		}
		List<Integer> used = new ArrayList<>();
		for (Integer index : Arrays.asList(c.name(), c.organization(), c.category(), c.position())) {
			if (index == null) {
				continue;
			}
			if (index < 0 || index >= width) {
				errors.add(new RowError("participants.import.error.columnUnknown"));
				return errors;
			}
			if (used.contains(index)) {
				errors.add(new RowError("participants.import.error.columnTwice"));
				return errors;
			}
			used.add(index);
		}
		return errors;
	}

	// ---- categories and organizations

	private Map<String, String> categoryAliases() {
		Map<String, String> aliases = new HashMap<>();
		for (CatalogItem c : catalog.categories()) {
			for (String alias : new String[] { c.code(), c.nameKk(), c.nameRu(), c.nameEn() }) {
				aliases.put(looseKey(alias), c.code());
			}
			for (String alias : CATEGORY_SHORT_FORMS.getOrDefault(c.code(), List.of())) {
				aliases.putIfAbsent(looseKey(alias), c.code());
			}
		}
		return aliases;
	}

	/**
	 * The registry's name index, and a looser one beside it for names typed with other quotes,
	 * spaces or punctuation ("№ 1" for "№1", «Балапан» for "Балапан"). A loose form two
	 * organizations share identifies neither.
	 */
	static final class OrganizationResolver {

		enum Outcome {
			FOUND, AMBIGUOUS, UNKNOWN
		}

		record Match(Outcome outcome, Long id) {

			static final Match UNKNOWN = new Match(Outcome.UNKNOWN, null);

			static final Match AMBIGUOUS = new Match(Outcome.AMBIGUOUS, null);

			static Match of(Long id) {
				return id == null ? AMBIGUOUS : new Match(Outcome.FOUND, id);
			}
		}

		private final Map<String, Long> exact;

		private final Map<String, Long> loose = new HashMap<>();

		OrganizationResolver(Map<String, Long> nameIndex) {
			this.exact = nameIndex;
			Set<String> ambiguous = new HashSet<>();
			for (Map.Entry<String, Long> e : nameIndex.entrySet()) {
				String key = looseKey(e.getKey());
				if (e.getValue() == null) {
					ambiguous.add(key);
					continue;
				}
				Long before = loose.putIfAbsent(key, e.getValue());
				if (before != null && !before.equals(e.getValue())) {
					ambiguous.add(key);
				}
			}
			ambiguous.forEach(key -> loose.put(key, null));
		}

		Match find(String text) {
			String key = Organizations.nameKey(text);
			if (exact.containsKey(key)) {
				return Match.of(exact.get(key));
			}
			String looseKey = looseKey(key);
			if (loose.containsKey(looseKey)) {
				return Match.of(loose.get(looseKey));
			}
			return Match.UNKNOWN;
		}
	}

	// ---- text

	/** Cell text with no-break and other odd spaces made plain, invisible characters dropped. */
	static String clean(String text) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		return SPACES.matcher(INVISIBLE.matcher(text).replaceAll("")).replaceAll(" ").strip();
	}

	static String shown(String text) {
		return text.length() <= SHOWN_TEXT ? text : text.substring(0, SHOWN_TEXT) + "…";
	}

	/** Lower case, ё as е, letters and digits only: for comparing headers, categories and names loosely. */
	static String looseKey(String text) {
		return NOT_WORD.matcher(HeaderMap.normalize(text).replace('ё', 'е')).replaceAll("");
	}

	private static ImportPreview<ParticipantCommand> fileError(RowError error) {
		return new ImportPreview<>(List.of(), List.of(), List.of(error));
	}

	private static void requireWriter(CurrentUser user) {
		if (!user.writesTraining()) {
			throw new AccessDeniedException("read-only role");
		}
	}
}
