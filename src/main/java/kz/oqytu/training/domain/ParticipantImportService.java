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

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.NameMatcher;
import kz.oqytu.organizations.OrganizationCriteria;
import kz.oqytu.organizations.OrganizationNames;
import kz.oqytu.organizations.OrganizationRow;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.UnitOption;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.imports.HeaderMap;
import kz.oqytu.shared.imports.ImportPreview;
import kz.oqytu.shared.imports.ImportRow;
import kz.oqytu.shared.imports.RowError;
import kz.oqytu.shared.xlsx.Cells;
import kz.oqytu.shared.xlsx.SafeWorkbooks;
import kz.oqytu.shared.xlsx.SheetLimits;
import kz.oqytu.shared.xlsx.SheetRow;
import kz.oqytu.shared.xlsx.XlsxWriter;
import kz.oqytu.shared.xlsx.XlsxWriters;
import kz.oqytu.training.CatalogItem;
import kz.oqytu.training.Participant;
import kz.oqytu.training.ImportDecisions;
import kz.oqytu.training.ParticipantColumns;
import kz.oqytu.training.ParticipantCommand;
import kz.oqytu.training.ParticipantImportPreview;
import kz.oqytu.training.ParticipantImports;
import kz.oqytu.training.SheetColumn;
import kz.oqytu.training.SkippedRow;
import kz.oqytu.training.SpellingGroup;
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
	static final int HEADER_SEARCH_ROWS = 20;

	/** Cell text shown back in the preview and in messages is cut here (a cell may hold 32 767). */
	static final int SHOWN_TEXT = 300;

	/** Organizations suggested per spelling the registry does not know. */
	static final int SUGGESTIONS = 6;

	/** A total line at the foot of a list: "Барлығы: 42 адам", "Итого: 42", "Всего 40 чел.", "Жиыны". */
	static final Pattern TOTAL_LINE = Pattern.compile(
			"^(барлығы|барлыгы|барлық|жиыны|жиынтығы|итого|всего|total)(?![\\p{L}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	/** The template's sheet of the organizations its list may name. */
	static final String ORGANIZATIONS_SHEET = "Ұйымдар - Организации";

	/** Organizations listed in the template (a region has 614; the whole union about 9 500). */
	static final int TEMPLATE_ORGANIZATIONS = 10_000;

	/** Rows of the template's list that offer the drop-downs. */
	static final int TEMPLATE_ROWS = 2_000;

	static final String NAME = "name";

	static final String ORGANIZATION = "organization";

	static final String CATEGORY = "category";

	static final String POSITION = "position";

	/** The template's headers first; then what lists kept on file use, in Kazakh, Russian, English. */
	static final Map<String, List<String>> HEADERS = new LinkedHashMap<>();

	static {
		HEADERS.put(NAME, List.of("Аты-жөні / ФИО", "Аты-жөні", "Аты жөні", "ФИО", "Т.А.Ә.", "Тегі, аты, әкесінің аты",
				"Тегі, аты", "Аты, тегі", "Қатысушының аты-жөні", "Қатысушының Т.А.Ә.", "Қатысушы",
				"Фамилия, имя, отчество", "Фамилия имя отчество", "Фамилия И.О.", "Ф.И.О. участника", "ФИО участника",
				"Участник", "Full name", "Name", "Participant"));
		HEADERS.put(ORGANIZATION, List.of("Ұйым / Организация", "Ұйым", "Ұйымы", "Ұйым атауы", "Ұйымның атауы",
				"Бастауыш ұйым", "Бастауыш кәсіподақ ұйымы", "Бастауыш кәсіподақ ұйымының атауы", "БКҰ", "БКҰ атауы",
				"Жұмыс орны", "Мекеме", "Мекемесі", "Мекеменің атауы", "Білім беру ұйымы", "Білім беру мекемесі",
				"Организация", "Первичная организация", "Первичная профсоюзная организация", "ППО",
				"Наименование ППО", "Место работы",
				"Учреждение", "Организация образования", "Наименование организации", "Organization", "Organisation",
				"Primary organization", "Workplace"));
		HEADERS.put(CATEGORY, List.of("Санат / Категория", "Санат", "Санаты", "Қатысушы санаты", "Қатысушының санаты",
				"Категория", "Категория участника", "Кәсіподақтағы мәртебесі", "Статус в профсоюзе", "Category"));
		HEADERS.put(POSITION, List.of("Лауазымы / Должность", "Лауазымы", "Лауазым", "Қызметі", "Атқаратын қызметі",
				"Должность", "Занимаемая должность", "Position", "Job title"));
	}

	/**
	 * Short forms people write for the categories, besides the catalog's own kk/ru/en names and codes.
	 * Kept here, not in a migration: they are how files are read, not reference data.
	 */
	static final Map<String, List<String>> CATEGORY_SHORT_FORMS = Map.of(
			"UNION_MEMBER", List.of("кәсіподақ мүшесі", "кәсіподақ мүшелері", "мүше", "мүшесі", "член профсоюза",
					"члены профсоюза", "член", "union member", "member"),
			"AUDIT_COMMISSION", List.of("тексеру комиссиясы", "тексеру комиссиясының мүшесі",
					"тексеру комиссиясының төрағасы", "ТК мүшесі", "ревизионная комиссия", "член ревизионной комиссии",
					"член РК", "председатель ревизионной комиссии", "ревкомиссия", "ревизор", "audit commission",
					"audit"),
			"ACTIVIST", List.of("актив", "белсенді", "кәсіподақ белсендісі", "кәсіподақ белсенділері",
					"кәсіподақ активі", "кәсіподақ комитетінің мүшесі", "кәсіподақ комитетінің мүшелері", "профактив",
					"профсоюзный актив", "активист", "профсоюзный активист", "член профкома", "профорг", "activist"),
			"CHAIR", List.of("төраға", "төрағасы", "төрайым", "кәсіподақ ұйымының төрағасы", "кәсіподақ төрағасы",
					"бастауыш кәсіподақ ұйымының төрағасы", "кәсіподақ комитетінің төрағасы", "БКҰ төрағасы",
					"председатель", "председатель ППО", "председатель профкома", "председатель профсоюзной организации",
					"председатель первичной профсоюзной организации", "chair", "chairperson"),
			"CONCILIATION_COMMISSION", List.of("келісу комиссиясы", "келісу комиссиясының мүшесі",
					"келісім комиссиясының мүшесі", "согласительная комиссия", "член согласительной комиссии",
					"conciliation commission",
					"conciliation"));

	private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

	private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");

	private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}№]+");

	private static final Pattern HEADER_PARTS = Pattern.compile("[/|()\\[\\]\\n]+");

	/** Templates carry the footer of every file: the time made, in the reader's language. */
	private final XlsxWriters writers;

	private final TrainingEvents events;

	private final TrainingCatalog catalog;

	private final Organizations organizations;

	private final kz.oqytu.shared.imports.ImportMetrics importMetrics;

	private final SheetLimits limits;

	private final int maxRows;

	private final ImportLayouts layouts;

	ParticipantImportService(TrainingEvents events, TrainingCatalog catalog, Organizations organizations,
			kz.oqytu.shared.imports.ImportMetrics importMetrics, SheetLimits limits, ImportLayouts layouts,
			@Value("${oqytu.imports.participants.max-rows:" + MAX_ROWS + "}") int maxRows, XlsxWriters writers) {
		this.writers = writers;
		this.layouts = layouts;
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
	public byte[] template(CurrentUser user, Long districtId) {
		requireWriter(user);
		List<CatalogItem> categories = catalog.categories();
		// The organizations the list may name: the event's district (or city), else all in the user's scope.
		List<OrganizationRow> units = new ArrayList<>();
		int page = 0;
		while (units.size() < TEMPLATE_ORGANIZATIONS) {
			List<OrganizationRow> found = organizations
				.search(user, new OrganizationCriteria(null, districtId, null, true, OrganizationCriteria.Sort.DISTRICT,
						false, page++, OrganizationCriteria.MAX_SIZE))
				.getContent();
			units.addAll(found);
			if (found.size() < OrganizationCriteria.MAX_SIZE) {
				break;
			}
		}
		try (XlsxWriter xlsx = writers.open(org.springframework.context.i18n.LocaleContextHolder.getLocale())) {
			Sheet list = xlsx.sheet("Тізім - Список");
			xlsx.headers(list, 0, HEADERS.values().stream().map(a -> a.get(0)).toArray(String[]::new));
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

			Sheet orgs = xlsx.sheet(ORGANIZATIONS_SHEET);
			xlsx.headers(orgs, 0, "Атауы / Наименование", "Орысша / На русском", "Код / Code", "Аудан / Район");
			for (int i = 0; i < units.size() && i < TEMPLATE_ORGANIZATIONS; i++) {
				OrganizationRow o = units.get(i);
				Row r = xlsx.row(orgs, i + 1);
				xlsx.text(r, 0, o.nameKk());
				xlsx.text(r, 1, o.nameRu());
				xlsx.text(r, 2, String.valueOf(o.id()));
				xlsx.text(r, 3, o.districtKk());
			}
			int[] orgWidths = { 60, 60, 10, 30 };
			for (int c = 0; c < orgWidths.length; c++) {
				orgs.setColumnWidth(c, orgWidths[c] * 256);
			}
			orgs.createFreezePane(0, 1);
			int count = Math.min(units.size(), TEMPLATE_ORGANIZATIONS);
			if (count > 0) {
				// The organization column offers the district's names; a name typed otherwise is still accepted
				// (a warning, not a stop), since lists are also written by hand.
				DataValidationHelper helper = list.getDataValidationHelper();
				DataValidationConstraint constraint = helper
					.createFormulaListConstraint("'" + ORGANIZATIONS_SHEET + "'!$A$2:$A$" + (count + 1));
				DataValidation validation = helper.createValidation(constraint,
						new CellRangeAddressList(1, TEMPLATE_ROWS, 1, 1));
				validation.setErrorStyle(DataValidation.ErrorStyle.WARNING);
				validation.setShowErrorBox(true);
				validation.createErrorBox("Ұйым / Организация",
						"Тізімде жоқ атау. Тексеріңіз / Названия нет в списке. Проверьте");
				list.addValidationData(validation);
				DataValidationConstraint categoryList = helper
					.createFormulaListConstraint("'Санаттар - Категории'!$A$2:$A$" + (categories.size() + 1));
				DataValidation categoryValidation = helper.createValidation(categoryList,
						new CellRangeAddressList(1, TEMPLATE_ROWS, 2, 2));
				categoryValidation.setErrorStyle(DataValidation.ErrorStyle.WARNING);
				categoryValidation.setShowErrorBox(true);
				list.addValidationData(categoryValidation);
			}
			return xlsx.toBytes();
		}
	}

	// ---- preview and commit

	@Override
	@Transactional(readOnly = true)
	public ParticipantImportPreview preview(CurrentUser user, long eventId, byte[] content,
			ParticipantColumns columns, ImportDecisions decisions, Locale locale) {
		requireWriter(user);
		return read(user, eventId, content, columns, decisions, true, false).preview;
	}

	@Override
	@Transactional
	public int commit(CurrentUser user, long eventId, byte[] content, ParticipantColumns columns,
			ImportDecisions decisions) {
		requireWriter(user);
		Reading reading = read(user, eventId, content, columns, decisions, false, false);
		ParticipantImportPreview preview = reading.preview;
		if (!preview.valid()) {
			importMetrics.rejected("participants");
			throw new BusinessRuleException("participants.import.error.notValid");
		}
		// addParticipants validates every row again and writes all of them or none.
		int added = events.addParticipants(user, eventId, preview.rows().values());
		Map<String, Long> aliases = reading.check.chosenAliases();
		if (!aliases.isEmpty()) {
			organizations.addAliases(user, aliases);
		}
		if (columns != null && columns.chosen() && reading.layoutKey != null) {
			layouts.remember(user.scopeUnitId(), reading.layoutKey, columns, user.username());
		}
		importMetrics.committed("participants", added);
		return added;
	}

	@Override
	@Transactional(readOnly = true)
	public ParticipantImportPreview readColumns(CurrentUser user, long eventId, byte[] content,
			ParticipantColumns columns) {
		requireWriter(user);
		return read(user, eventId, content, columns, ImportDecisions.NONE, false, true).preview;
	}

	/** A reading's result, with the row check (for the aliases chosen) and the header layout's key. */
	private record Reading(ParticipantImportPreview preview, RowCheck check, String layoutKey) {
	}

	private Reading read(CurrentUser user, long eventId, byte[] content, ParticipantColumns chosen,
			ImportDecisions decisions, boolean suggest, boolean columnsOnly) {
		// Also the scope check: an event outside the user's subtree is refused here.
		List<Participant> listed = events.participants(user, eventId);
		Long districtId = events.details(user, eventId).districtId();
		ListReading reading = new ListReading(user, chosen, listed, decisions, districtId, suggest, columnsOnly);
		SafeWorkbooks.read(content, limits, reading::accept);
		ParticipantImportPreview preview = reading.finish();
		return new Reading(preview, reading.check, reading.layoutKey);
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

		private final ImportDecisions decisions;

		private final Long districtId;

		private final boolean suggest;

		private final boolean columnsOnly;

		private final List<SheetRow> window = new ArrayList<>(HEADER_SEARCH_ROWS);

		/** Set when the reading ends before any data row: no header, or the columns to be chosen. */
		private ParticipantImportPreview result;

		private RowCheck check;

		private String layoutKey;

		ListReading(CurrentUser user, ParticipantColumns chosen, List<Participant> listed, ImportDecisions decisions,
				Long districtId, boolean suggest, boolean columnsOnly) {
			this.user = user;
			this.chosen = chosen;
			this.listed = listed;
			this.decisions = decisions == null ? ImportDecisions.NONE : decisions;
			this.districtId = districtId;
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
			layoutKey = ImportLayouts.key(sheetColumns.stream().map(SheetColumn::header).toList());
			boolean given = chosen != null && chosen.chosen();
			ParticipantColumns columns = given ? chosen : null;
			boolean remembered = false;
			if (!given) {
				// A mapping confirmed before for this layout wins over recognition: the user said so.
				ParticipantColumns before = layouts.find(user.scopeUnitId(), layoutKey)
					.filter(c -> checkMapping(c, sheetColumns.size()).isEmpty())
					.orElse(null);
				remembered = before != null;
				columns = remembered ? before : recognize(header);
			}
			List<RowError> mappingErrors = given ? checkMapping(chosen, sheetColumns.size()) : List.of();
			if (columnsOnly || !mappingErrors.isEmpty() || !columns.complete()) {
				result = new ParticipantImportPreview(sheetColumns, columns, true, mappingErrors, null, Map.of(),
						listed.size());
				return;
			}
			check = new RowCheck(user, sheetColumns, columns, listed, suggest, decisions, districtId, remembered);
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

		private final List<SheetColumn> sheetColumns;

		private final ParticipantColumns columns;

		private final List<Participant> listed;

		private final boolean suggest;

		private final ImportDecisions decisions;

		private final Long districtId;

		private final NameMatcher matcher;

		private final Map<String, String> categories = categoryAliases();

		private final Set<String> onList = new HashSet<>();

		private final Map<String, Integer> firstRow = new HashMap<>();

		/** Resolutions per distinct spelling (by its key): each spelling is resolved once. */
		private final Map<String, NameMatcher.Match> resolved = new HashMap<>();

		private final Map<String, Spelling> spellings = new LinkedHashMap<>();

		private final List<ImportRow<ParticipantCommand>> rows = new ArrayList<>();

		private final List<SkippedRow> skipped = new ArrayList<>();

		private final List<RowError> fileErrors = new ArrayList<>();

		private final int nameColumn;

		private final int organizationColumn;

		private final int categoryColumn;

		private final int positionColumn;

		private final int width;

		private final boolean remembered;

		private boolean stopped;

		RowCheck(CurrentUser user, List<SheetColumn> sheetColumns, ParticipantColumns columns, List<Participant> listed,
				boolean suggest, ImportDecisions decisions, Long districtId, boolean remembered) {
			this.sheetColumns = sheetColumns;
			this.columns = columns;
			this.listed = listed;
			this.suggest = suggest;
			this.decisions = decisions;
			this.districtId = districtId;
			this.remembered = remembered;
			this.matcher = organizations.nameMatcher(user);
			for (Participant p : listed) {
				onList.add(Organizations.nameKey(p.fullName()) + "|" + p.organizationId());
			}
			this.nameColumn = columns.name();
			this.organizationColumn = columns.organization();
			this.categoryColumn = columns.category();
			this.positionColumn = columns.position() == null ? -1 : columns.position();
			this.width = Math.max(sheetColumns.size(), 1);
		}

		/** Checks one row; false once the list is longer than allowed (the reading stops there). */
		boolean add(SheetRow row) {
			if (stopped) {
				return false;
			}
			int rowNumber = row.index() + 1;
			String name = clean(Cells.text(row, nameColumn));
			String organization = clean(Cells.text(row, organizationColumn));
			String category = clean(Cells.text(row, categoryColumn));
			String position = clean(Cells.text(row, positionColumn));
			String skip = notAPerson(row, name, organization, category, position);
			if (skip != null) {
				// a row with nothing at all in it is passed over unlisted; a numbered empty line is listed
				if (!"BLANK".equals(skip) || !Cells.blankRow(row, Math.max(width, row.width()))) {
					skipped.add(new SkippedRow(rowNumber, skip, shown(rowText(row))));
				}
				return true;
			}
			if (rows.size() >= maxRows) {
				fileErrors.add(new RowError("import.error.tooManyRows", maxRows));
				stopped = true;
				return false;
			}
			if (decisions.excludedRows().contains(rowNumber)) {
				skipped.add(new SkippedRow(rowNumber, "EXCLUDED", shown(rowText(row))));
				return true;
			}
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
				organizationId = organization(organization, rowNumber, errors);
			}
			String categoryCode = null;
			if (category.isEmpty()) {
				errors.add(new RowError("participants.import.error.categoryMissing"));
			}
			else {
				categoryCode = category(categories, category);
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

		/** The organization a spelling names: resolved once per spelling, else the user's choice for it. */
		private Long organization(String organization, int rowNumber, List<RowError> errors) {
			String key = OrganizationNames.key(organization);
			NameMatcher.Match match = resolved.computeIfAbsent(key, k -> matcher.resolve(organization, districtId));
			if (match.outcome() == NameMatcher.Outcome.FOUND) {
				return match.id();
			}
			Spelling spelling = spellings.computeIfAbsent(key,
					k -> new Spelling(spellingId(k), organization, match.outcome() == NameMatcher.Outcome.AMBIGUOUS));
			spelling.rows.add(rowNumber);
			Long chosen = decisions.organizationBySpelling().get(spelling.id);
			if (chosen != null && matcher.knows(chosen)) {
				spelling.chosen = chosen;
				return chosen;
			}
			errors.add(new RowError(spelling.ambiguous ? "participants.import.error.organizationAmbiguousChoose"
					: "participants.import.error.organizationChoose", shown(organization)));
			return null;
		}

		ParticipantImportPreview preview() {
			if (rows.isEmpty() && fileErrors.isEmpty() && skipped.stream().noneMatch(r -> r.reason().equals("EXCLUDED"))) {
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
			List<SpellingGroup> groups = new ArrayList<>(spellings.size());
			for (Spelling sp : spellings.values()) {
				List<UnitOption> near = suggest ? matcher.suggest(sp.text, districtId, SUGGESTIONS) : List.of();
				groups.add(new SpellingGroup(sp.id, shown(sp.text), List.copyOf(sp.rows), near, sp.chosen, sp.ambiguous));
			}
			return new ParticipantImportPreview(sheetColumns, columns, false, List.of(), checked, byCategory,
					listed.size(), groups, List.copyOf(skipped), remembered);
		}

		/** The organizations chosen per spelling, by the spelling as written: kept as aliases at import. */
		Map<String, Long> chosenAliases() {
			Map<String, Long> chosen = new LinkedHashMap<>();
			for (Spelling sp : spellings.values()) {
				if (sp.chosen != null) {
					chosen.put(sp.text, sp.chosen);
				}
			}
			return chosen;
		}

		/**
		 * Why a row is not a person, or null: blank (or only a row number), a total line, the
		 * header repeated. Such rows are skipped and listed, never errors.
		 */
		private String notAPerson(SheetRow row, String name, String organization, String category, String position) {
			if (name.isEmpty() && organization.isEmpty() && category.isEmpty() && position.isEmpty()) {
				// within the list's own columns: cells far to the right of the header are no total line,
				// and a sheet padded with numbers there costs no text per cell (OversizedSpreadsheetTests)
				for (int c = 0; c < Math.min(row.width(), width); c++) {
					if (TOTAL_LINE.matcher(clean(Cells.text(row, c))).find()) {
						return "TOTAL";
					}
				}
				return "BLANK";
			}
			for (String text : new String[] { name, organization, Cells.text(row, 0), Cells.text(row, 1) }) {
				if (TOTAL_LINE.matcher(clean(text)).find()) {
					return "TOTAL";
				}
			}
			ParticipantColumns again = recognize(row);
			int score = (again.name() != null ? 1 : 0) + (again.organization() != null ? 1 : 0)
					+ (again.category() != null ? 1 : 0);
			return score >= 2 ? "HEADER" : null;
		}

		private String rowText(SheetRow row) {
			List<String> texts = new ArrayList<>();
			for (int c = 0; c < row.width() && texts.size() < 4; c++) {
				String t = clean(Cells.text(row, c));
				if (!t.isEmpty()) {
					texts.add(t);
				}
			}
			return String.join(" · ", texts);
		}
	}

	/** A spelling the registry did not resolve, as the rows come in. */
	private static final class Spelling {

		final String id;

		final String text;

		final boolean ambiguous;

		final List<Integer> rows = new ArrayList<>();

		Long chosen;

		Spelling(String id, String text, boolean ambiguous) {
			this.id = id;
			this.text = text;
			this.ambiguous = ambiguous;
		}
	}

	/** A short stable id of a spelling's key, for field names in the preview's form. */
	static String spellingId(String key) {
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
				.digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(digest, 0, 6);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The category a cell names: the catalog's names and codes, the forms people write, loosely compared. */
	static String category(Map<String, String> aliases, String text) {
		String key = looseKey(text);
		String code = aliases.get(key);
		if (code != null) {
			return code;
		}
		// "Төраға (БКҰ)", "председатель ППО СШ №5": a known form followed by more words
		String best = null;
		int bestLength = 0;
		for (Map.Entry<String, String> e : aliases.entrySet()) {
			if (e.getKey().length() >= 5 && key.startsWith(e.getKey()) && e.getKey().length() > bestLength) {
				best = e.getValue();
				bestLength = e.getKey().length();
			}
		}
		return best;
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
