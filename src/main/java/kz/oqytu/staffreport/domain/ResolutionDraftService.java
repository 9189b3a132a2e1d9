package kz.oqytu.staffreport.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.reports.CoverageReports;
import kz.oqytu.resolutions.ResolutionCommand;
import kz.oqytu.resolutions.Resolutions;
import kz.oqytu.resolutions.TaskCommand;
import kz.oqytu.resolutions.TaskStatus;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.ConflictException;
import kz.oqytu.shared.NotFoundException;
import kz.oqytu.staffreport.ResolutionDraft.Item;
import kz.oqytu.staffreport.ResolutionDraft;
import kz.oqytu.staffreport.ResolutionDrafts;
import kz.oqytu.staffreport.StaffReport.Version;
import kz.oqytu.staffreport.StaffReport;
import kz.oqytu.staffreport.StaffReports;

/**
 * Drafts the resolution from the approved staff report, keeps the methodologist's edits, and adopts it
 * as a resolution with tasks of the resolutions module, in one transaction with freezing the draft.
 */
@Service
class ResolutionDraftService implements ResolutionDrafts {

	static final int MAX_TEXT = 1900;

	static final int MAX_OWNER = 300;

	static final int MAX_TITLE = 500;

	static final int MAX_PREAMBLE = 4000;

	private final StaffReports reports;

	private final StaffReportVersions versions;

	private final CoverageReports coverage;

	private final ResolutionDrafter drafter;

	private final ResolutionDraftStore store;

	private final ResolutionDraftText text;

	private final Resolutions resolutions;

	private final Clock clock;

	private final kz.oqytu.organizations.Organizations organizations;

	ResolutionDraftService(StaffReports reports, StaffReportVersions versions, CoverageReports coverage,
			ResolutionDrafter drafter, ResolutionDraftStore store, ResolutionDraftText text, Resolutions resolutions,
			Clock clock, kz.oqytu.organizations.Organizations organizations) {
		this.organizations = organizations;
		this.reports = reports;
		this.versions = versions;
		this.coverage = coverage;
		this.drafter = drafter;
		this.store = store;
		this.text = text;
		this.resolutions = resolutions;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Page page(CurrentUser user, Optional<Long> unit, int year, Locale locale) {
		ReportGuards.staff(user);
		ReportGuards.checkYear(clock, year);
		long unitId = ReportGuards.unitId(coverage, user, unit);
		String language = language(locale);
		Optional<Version> approved = approved(unitId, year, language);
		Optional<ResolutionDraft> draft = store.find(unitId, year, language);
		String unitName = approved.isPresent() ? reports.report(user, unit, year, Locale.forLanguageTag(language)).unitName() : null;
		return new Page(unitId, unitName, year, language, approved.map(Version::number).orElse(null), draft.orElse(null),
				!district(unitId));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ResolutionDraft.Adoption> adopted(CurrentUser user, Optional<Long> unit, int year) {
		ReportGuards.staff(user);
		return store.adopted(ReportGuards.unitId(coverage, user, unit), year);
	}

	@Override
	@Transactional
	public long draft(CurrentUser user, Optional<Long> unit, int year, Locale locale) {
		ReportGuards.writer(user);
		ReportGuards.checkYear(clock, year);
		long unitId = ReportGuards.unitId(coverage, user, unit);
		String language = language(locale);
		store.lock(unitId, year, language);
		Optional<ResolutionDraft> existing = store.find(unitId, year, language);
		if (existing.isPresent()) {
			return existing.get().id();
		}
		Version version = approved(unitId, year, language)
			.orElseThrow(() -> new BusinessRuleException("resdraft.error.notApproved"));
		StaffReport report = reports.report(user, unit, year, Locale.forLanguageTag(language));
		ResolutionDrafter.Generated g = drafter.draft(report.unitName(), district(unitId), year, report.findings(),
				Locale.forLanguageTag(language));
		return store.insert(unitId, year, language, version.id(), g, user.username());
	}

	@Override
	@Transactional
	public void save(CurrentUser user, Optional<Long> unit, int year, Locale locale, int version,
			Map<String, String> fields) {
		ResolutionDraft draft = writable(user, unit, year, locale);
		Texts texts = texts(draft, year, fields, Set.of(), true);
		store.claim(draft.id(), version, user.username());
		texts.write(store, draft.id());
	}

	/**
	 * The draft's texts as typed, checked (all or nothing), written once the draft is claimed; {@link #NONE}
	 * when a structural edit came with nothing typed.
	 */
	private record Texts(String title, String preamble, String controlBy, String signerTitle, String signerName,
			List<Change> changes) {

		static final Texts NONE = new Texts(null, null, null, null, null, List.of());

		void write(ResolutionDraftStore store, long draftId) {
			if (this != NONE) {
				store.updateHeader(draftId, title, preamble, controlBy, signerTitle, signerName);
			}
			changes.forEach(c -> store.updateItem(draftId, c.id(), c.text(), c.owner(), c.deadline()));
		}
	}

	private record Change(long id, String text, String owner, LocalDate deadline) {
	}

	/** What a structural edit brings typed (the page's form), checked; nothing to write when none came. */
	private Texts typed(ResolutionDraft draft, int year, Map<String, String> typed, Set<Long> leaving) {
		return typed.isEmpty() ? Texts.NONE : texts(draft, year, typed, leaving, false);
	}

	/**
	 * Checks the typed texts against the draft as it stands: the whole form ({@code title}, {@code preamble},
	 * {@code controlBy}, {@code signerTitle}, {@code signerName}, {@code text_ID}, {@code owner_ID},
	 * {@code deadline_ID}); unless {@code whole}, a field not sent keeps its stored value; the items in
	 * {@code leaving} (being removed) are not checked.
	 */
	private Texts texts(ResolutionDraft draft, int year, Map<String, String> fields, Set<Long> leaving, boolean whole) {
		String title = whole || fields.containsKey("title") ? required(fields, "title", MAX_TITLE) : draft.title();
		String preamble = whole || fields.containsKey("preamble") ? required(fields, "preamble", MAX_PREAMBLE)
				: draft.preamble();
		String controlBy = whole || fields.containsKey("controlBy") ? optional(fields.get("controlBy")) : draft.controlBy();
		if (controlBy != null && controlBy.length() > MAX_OWNER) {
			throw new BusinessRuleException("controlBy", "resdraft.error.tooLong", MAX_OWNER);
		}
		String signerTitle = whole || fields.containsKey("signerTitle") ? optional(fields.get("signerTitle"))
				: draft.signerTitle();
		String signerName = whole || fields.containsKey("signerName") ? optional(fields.get("signerName"))
				: draft.signerName();
		for (String[] f : new String[][] { { "signerTitle", signerTitle }, { "signerName", signerName } }) {
			if (f[1] != null && f[1].length() > MAX_OWNER) {
				throw new BusinessRuleException(f[0], "resdraft.error.tooLong", MAX_OWNER);
			}
		}
		List<Change> changes = new ArrayList<>();
		List<Item> items = draft.items();
		for (int i = 0; i < items.size(); i++) {
			Item item = items.get(i);
			if (leaving.contains(item.id())) {
				continue;
			}
			String key = "_" + item.id();
			String t = fields.containsKey("text" + key) ? optional(fields.get("text" + key)) : item.text();
			String owner = fields.containsKey("owner" + key) ? optional(fields.get("owner" + key)) : item.owner();
			LocalDate deadline = fields.containsKey("deadline" + key) ? date(fields.get("deadline" + key), "deadline" + key)
					: item.deadline();
			if (t == null) {
				throw new BusinessRuleException("text" + key, "resdraft.error.empty");
			}
			if (t.length() > MAX_TEXT) {
				throw new BusinessRuleException("text" + key, "resdraft.error.tooLong", MAX_TEXT);
			}
			if (owner != null && owner.length() > MAX_OWNER) {
				throw new BusinessRuleException("owner" + key, "resdraft.error.tooLong", MAX_OWNER);
			}
			// what becomes a task (a sub-item, or an item without sub-items) says who and by when
			if (draft.becomesTask(i)) {
				if (owner == null) {
					throw new BusinessRuleException("owner" + key, "resdraft.error.ownerRequired");
				}
				if (deadline == null) {
					throw new BusinessRuleException("deadline" + key, "resdraft.error.deadlineRequired");
				}
			}
			if (deadline != null && (deadline.getYear() < year - 1 || deadline.getYear() > year + 5)) {
				throw new BusinessRuleException("deadline" + key, "resdraft.error.deadlineYear", String.valueOf(year - 1),
						String.valueOf(year + 5));
			}
			changes.add(new Change(item.id(), t, owner, deadline));
		}
		return new Texts(title, preamble, controlBy, signerTitle, signerName, changes);
	}

	@Override
	@Transactional
	public void remove(CurrentUser user, Optional<Long> unit, int year, Locale locale, int version,
			Map<String, String> typed, long itemId) {
		ResolutionDraft draft = writable(user, unit, year, locale);
		List<Item> items = draft.items();
		int at = indexOf(items, itemId);
		List<Long> gone = new ArrayList<>();
		gone.add(itemId);
		if (items.get(at).level() == 1) {
			for (int i = at + 1; i < items.size() && items.get(i).sub(); i++) {
				gone.add(items.get(i).id());
			}
		}
		Texts texts = typed(draft, year, typed, Set.copyOf(gone));
		store.claim(draft.id(), version, user.username());
		texts.write(store, draft.id());
		store.deleteItems(draft.id(), gone);
	}

	@Override
	@Transactional
	public long add(CurrentUser user, Optional<Long> unit, int year, Locale locale, int version,
			Map<String, String> typed, Long parentItemId) {
		ResolutionDraft draft = writable(user, unit, year, locale);
		Texts texts = typed(draft, year, typed, Set.of());
		List<Long> order = new ArrayList<>(draft.items().stream().map(Item::id).toList());
		int at = order.size();
		if (parentItemId != null) {
			int parent = indexOf(draft.items(), parentItemId);
			if (draft.items().get(parent).sub()) {
				throw new NotFoundException("resolution draft item " + parentItemId);
			}
			at = parent + 1;
			while (at < order.size() && draft.items().get(at).sub()) {
				at++;
			}
		}
		Locale doc = Locale.forLanguageTag(draft.language());
		store.claim(draft.id(), version, user.username());
		texts.write(store, draft.id());
		long id = store.insertItem(draft.id(), parentItemId == null ? 1 : 2,
				drafter.newText(parentItemId == null, doc), drafter.defaultOwner(doc, district(draft.unitId())), LocalDate.of(draft.year(), 12, 31));
		order.add(at, id);
		store.reorder(draft.id(), order);
		return id;
	}

	@Override
	@Transactional
	public void move(CurrentUser user, Optional<Long> unit, int year, Locale locale, int version,
			Map<String, String> typed, long itemId, boolean up) {
		ResolutionDraft draft = writable(user, unit, year, locale);
		Texts texts = typed(draft, year, typed, Set.of());
		List<List<Item>> blocks = new ArrayList<>();
		for (Item i : draft.items()) {
			if (i.level() == 1 || blocks.isEmpty()) {
				blocks.add(new ArrayList<>());
			}
			blocks.get(blocks.size() - 1).add(i);
		}
		int at = indexOf(draft.items(), itemId);
		Item moving = draft.items().get(at);
		if (moving.level() == 1) {
			int b = 0;
			while (blocks.get(b).get(0).id() != itemId) {
				b++;
			}
			int other = up ? b - 1 : b + 1;
			if (other >= 0 && other < blocks.size()) {
				List<Item> tmp = blocks.get(b);
				blocks.set(b, blocks.get(other));
				blocks.set(other, tmp);
			}
		}
		else {
			for (List<Item> block : blocks) {
				int s = block.indexOf(moving);
				if (s > 0) {
					int other = up ? s - 1 : s + 1;
					// the sub-items of one item: the item itself stays first
					if (other >= 1 && other < block.size()) {
						block.set(s, block.get(other));
						block.set(other, moving);
					}
				}
			}
		}
		store.claim(draft.id(), version, user.username());
		texts.write(store, draft.id());
		store.reorder(draft.id(), blocks.stream().flatMap(List::stream).map(Item::id).toList());
	}

	@Override
	@Transactional
	public long adopt(CurrentUser user, Optional<Long> unit, int year, Locale locale, int version, String number,
			String item, String adoptedOn) {
		ResolutionDraft draft = writable(user, unit, year, locale);
		if (district(draft.unitId())) {
			// the resolutions Oqytu follows up are the regions' executive committees'
			throw new BusinessRuleException("resdraft.error.districtAdoption");
		}
		String n = optional(number);
		if (n == null) {
			throw new BusinessRuleException("number", "resdraft.error.numberRequired");
		}
		if (n.length() > 20) {
			throw new BusinessRuleException("number", "resdraft.error.tooLong", 20);
		}
		String i = optional(item);
		if (i != null && i.length() > 20) {
			throw new BusinessRuleException("item", "resdraft.error.tooLong", 20);
		}
		LocalDate on = date(adoptedOn, "adoptedOn");
		if (on == null) {
			throw new BusinessRuleException("adoptedOn", "resdraft.error.dateRequired");
		}
		if (on.isAfter(LocalDate.now(clock))) {
			throw new BusinessRuleException("adoptedOn", "resdraft.error.dateFuture");
		}
		if (on.getYear() < draft.year() - 1) {
			throw new BusinessRuleException("adoptedOn", "resdraft.error.dateEarly", String.valueOf(draft.year() - 1));
		}
		List<TaskCommand> tasks = new ArrayList<>();
		List<Item> items = draft.items();
		for (int k = 0; k < items.size(); k++) {
			Item it = items.get(k);
			if (draft.becomesTask(k)) {
				if (it.owner() == null || it.deadline() == null) {
					throw new BusinessRuleException("text_" + it.id(), "resdraft.error.incomplete", it.number());
				}
				// the task reads as the sub-item; its number stays in the resolution's text
				tasks.add(new TaskCommand(it.text(), it.owner(), it.deadline(), TaskStatus.NOT_STARTED,
						null, null, null, null, null));
			}
		}
		if (tasks.isEmpty()) {
			throw new BusinessRuleException("resdraft.error.noItems");
		}
		Locale doc = Locale.forLanguageTag(draft.language());
		String body = text.body(draft, doc);
		boolean kk = "kk".equals(draft.language());
		ResolutionCommand command = new ResolutionCommand(on, n, i, kk ? draft.title() : null, kk ? null : draft.title(),
				body, draft.controlBy());
		if (draft.version() != version) {
			throw new ConflictException("resolution draft " + draft.id());
		}
		long id = resolutions.adopt(user, draft.unitId(), command, tasks);
		// after the resolutions module's checks: a refused resolution leaves the draft as it was
		store.claim(draft.id(), version, user.username());
		store.adopted(draft.id(), id, n, i, on, user.username());
		return id;
	}

	@Override
	@Transactional
	public byte[] docx(CurrentUser user, Optional<Long> unit, int year, Locale locale) {
		Page page = page(user, unit, year, locale);
		if (page.draft() == null) {
			throw new NotFoundException("resolution draft");
		}
		return text.docx(page.draft(), Locale.forLanguageTag(page.language()));
	}

	private ResolutionDraft writable(CurrentUser user, Optional<Long> unit, int year, Locale locale) {
		ReportGuards.writer(user);
		ReportGuards.checkYear(clock, year);
		long unitId = ReportGuards.unitId(coverage, user, unit);
		ResolutionDraft draft = store.find(unitId, year, language(locale))
			.orElseThrow(() -> new NotFoundException("resolution draft"));
		if (draft.frozen()) {
			throw new BusinessRuleException("resdraft.error.adopted");
		}
		return draft;
	}

	private static int indexOf(List<Item> items, long itemId) {
		for (int i = 0; i < items.size(); i++) {
			if (items.get(i).id() == itemId) {
				return i;
			}
		}
		throw new NotFoundException("resolution draft item " + itemId);
	}

	private Optional<Version> approved(long unitId, int year, String language) {
		return versions.list(unitId, year, language).stream().filter(Version::approved).findFirst();
	}

	private static String required(Map<String, String> fields, String name, int max) {
		String value = optional(fields.get(name));
		if (value == null) {
			throw new BusinessRuleException(name, "resdraft.error.empty");
		}
		if (value.length() > max) {
			throw new BusinessRuleException(name, "resdraft.error.tooLong", max);
		}
		return value;
	}

	private static String optional(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static LocalDate date(String value, String field) {
		String v = optional(value);
		if (v == null) {
			return null;
		}
		try {
			LocalDate d = LocalDate.parse(v);
			if (d.getYear() < 2000 || d.getYear() > 2100) {
				throw new BusinessRuleException(field, "resdraft.error.date");
			}
			return d;
		}
		catch (DateTimeParseException ex) {
			throw new BusinessRuleException(field, "resdraft.error.date");
		}
	}

	/** The resolution's language: Russian, else Kazakh (an English page shows the Kazakh draft: resolutions are kk or ru). */
	static String language(Locale locale) {
		return "ru".equals(StaffReportDrafter.language(locale)) ? "ru" : "kk";
	}





	/** A district or city committee's resolution (issue 22): its owners are the committee's own. */
	private boolean district(long unitId) {
		return organizations.info(unitId).map(kz.oqytu.organizations.UnitInfo::isCommittee).orElse(false);
	}
}
