package kz.oqytu.yearplan.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.budget.BudgetShare;
import kz.oqytu.budget.Budgets;
import kz.oqytu.budget.FigureBasis;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.UnitOption;
import kz.oqytu.plans.PlanDraftItem;
import kz.oqytu.plans.PlanItemCommand;
import kz.oqytu.plans.PlanItemView;
import kz.oqytu.plans.PlanPage;
import kz.oqytu.plans.Plans;
import kz.oqytu.reports.AnnualReportPage;
import kz.oqytu.reports.Breakdown;
import kz.oqytu.reports.CategoryFigure;
import kz.oqytu.reports.CoverageBreakdowns;
import kz.oqytu.reports.CoverageReports;
import kz.oqytu.reports.Monitoring;
import kz.oqytu.reports.MonitoringFilter;
import kz.oqytu.reports.MonitoringRow;
import kz.oqytu.reports.YearFigures;
import kz.oqytu.requests.RequestDemand;
import kz.oqytu.requests.TopicRequests;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.NumberFormats;
import kz.oqytu.shared.Percent;
import kz.oqytu.staffreport.ResolutionDraft;
import kz.oqytu.staffreport.ResolutionDrafts;
import kz.oqytu.surveys.ResultsOverview;
import kz.oqytu.surveys.ScoreLine;
import kz.oqytu.surveys.SurveyResults;
import kz.oqytu.training.CatalogItem;
import kz.oqytu.training.TrainingCatalog;
import kz.oqytu.yearplan.PlanDraft.FormNeed;
import kz.oqytu.yearplan.PlanDraft.Item;
import kz.oqytu.yearplan.PlanDraft.Share;
import kz.oqytu.yearplan.PlanDraft;
import kz.oqytu.yearplan.PlanDrafts;

/**
 * Drafts a plan year from the gap between a target coverage and the people trained (decision 0050),
 * reading only published APIs: the coverage report's columns and breakdowns, the monitoring rows (who
 * was left out two years running), the topic requests, the survey overview (short against longer
 * formats) and the budget shares; the items go into the plan through {@link Plans#replaceDraftedItems}.
 */
@Service
class PlanDraftService implements PlanDrafts {

	/** Resolution No. 9 item 2 of 20.02.2026: legal, financial and information literacy, in its order. */
	static final List<String> LITERACY = List.of("LEGAL_LITERACY", "FINANCIAL_LITERACY", "INFORMATION_LITERACY");

	/** Whom the resolution names for the literacy programmes. */
	static final Set<String> LITERACY_CATEGORIES = Set.of("ACTIVIST", "AUDIT_COMMISSION");

	/** How many forms a district's quarters take in turn. */
	static final int FORMS_IN_TURN = 3;

	private static final Locale KK = Locale.forLanguageTag("kk");

	private static final Locale RU = Locale.forLanguageTag("ru");

	private final CoverageReports reports;

	private final ResolutionDrafts resolutions;

	private final Monitoring monitoring;

	private final Plans plans;

	private final TopicRequests requests;

	private final SurveyResults surveys;

	private final Budgets budgets;

	private final TrainingCatalog catalog;

	private final MessageSource messages;

	private final Clock clock;

	private final Organizations organizations;

	PlanDraftService(CoverageReports reports, Monitoring monitoring, Plans plans, TopicRequests requests,
			SurveyResults surveys, Budgets budgets, TrainingCatalog catalog, MessageSource messages, Clock clock,
			Organizations organizations, ResolutionDrafts resolutions) {
		this.organizations = organizations;
		this.resolutions = resolutions;
		this.reports = reports;
		this.monitoring = monitoring;
		this.plans = plans;
		this.requests = requests;
		this.surveys = surveys;
		this.budgets = budgets;
		this.catalog = catalog;
		this.messages = messages;
		this.clock = clock;
	}

	// Not read-only: the survey overview refreshes its folds as it reads (decision 38).
	@Override
	@Transactional
	public BigDecimal defaultTarget(CurrentUser user, int year) {
		requireWriter(user);
		checkYear(year);
		AnnualReportPage last = reports.annualPage(user, region(user), year - 1);
		YearFigures whole = !last.report().current().provisional() && last.report().current().coverage().isPresent()
				? last.report().current() : last.report().previous();
		return whole.coverage().map(Percent::value).orElse(BigDecimal.valueOf(20)).stripTrailingZeros();
	}

	@Override
	@Transactional
	public PlanDraft preview(CurrentUser user, int year, BigDecimal target) {
		requireWriter(user);
		checkYear(year);
		if (target == null || target.signum() <= 0 || target.compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new BusinessRuleException("target", "plandrafts.error.target");
		}
		return compute(user, year, target);
	}

	@Override
	@Transactional
	public int draft(CurrentUser user, int year, BigDecimal target) {
		PlanDraft draft = preview(user, year, target);
		if (draft.plan() == PlanDraft.PlanState.APPROVED) {
			throw new BusinessRuleException("year", "plandrafts.error.approved", year);
		}
		if (draft.items().isEmpty()) {
			throw new BusinessRuleException("target", "plandrafts.error.nothingToDraft", year);
		}
		List<PlanDraftItem> items = draft.items().stream()
			.map(i -> new PlanDraftItem(new PlanItemCommand(null, i.titleKk(), i.titleRu(), Set.of(i.topicCode()),
					i.formCode(), null, i.quarter(), i.categoryCodes(), i.targetUnitIds(), i.people(), null, null),
					i.reasonKk(), i.reasonRu()))
			.toList();
		return plans.replaceDraftedItems(user, year, items);
	}

	/**
	 * The region whose plan is drafted, as planning finds it: the second node of the user's scope, or
	 * for an account above the regions (the union's administrator) the first region.
	 */
	private Optional<Long> region(CurrentUser user) {
		String[] ids = user.scopePath().split("/");
		if (ids.length >= 3) {
			return Optional.of(Long.parseLong(ids[2]));
		}
		return Optional.of(organizations.regionOf(user).map(UnitOption::id)
			.orElseThrow(() -> new kz.oqytu.shared.NotFoundException("region")));
	}

	private static void requireWriter(CurrentUser user) {
		if (!user.writesTraining()) {
			throw new AccessDeniedException("only the region's methodologist or administrator drafts the plan");
		}
	}

	/** This year or the next: a plan is drafted for a year still to come or under way. */
	private void checkYear(int year) {
		int now = LocalDate.now(clock).getYear();
		if (year < now || year > now + 1) {
			throw new BusinessRuleException("year", "plandrafts.error.year", now, now + 1);
		}
	}

	// ---- the figures

	private PlanDraft compute(CurrentUser user, int year, BigDecimal target) {
		int now = LocalDate.now(clock).getYear();
		Optional<Long> region = region(user);
		AnnualReportPage last = reports.annualPage(user, region, year - 1);
		AnnualReportPage current = year <= now ? reports.annualPage(user, region, year) : null;
		// the members the year's coverage will be counted against: the latest snapshot there is
		YearFigures base = last.report().current();
		List<Breakdown> districtBase = last.breakdowns().byDistrict();
		if (!base.hasMembers() && current != null && current.report().current().hasMembers()) {
			base = current.report().current();
			districtBase = current.breakdowns().byDistrict();
		}
		if (!base.hasMembers() || base.members() <= 0) {
			throw new BusinessRuleException("year", "plandrafts.error.noMembers", year);
		}
		long members = base.members();
		long needed = BigDecimal.valueOf(members).multiply(target).divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING)
			.longValueExact();
		long trainedSoFar = current == null ? 0 : current.report().current().trained();
		long gap = Math.max(0, needed - trainedSoFar);

		Optional<PlanPage> page = plans.page(user, year);
		PlanDraft.PlanState state = page.isEmpty() ? PlanDraft.PlanState.NONE
				: page.get().plan().approved() ? PlanDraft.PlanState.APPROVED : PlanDraft.PlanState.DRAFT;
		List<PlanItemView> existing = page.map(PlanPage::items).orElse(List.of());
		long byHand = existing.stream().filter(i -> !i.drafted())
			.mapToLong(i -> i.plannedParticipants() == null ? 0 : i.plannedParticipants()).sum();
		int draftedBefore = (int) existing.stream().filter(PlanItemView::drafted).count();
		long toDraft = Math.max(0, gap - byHand);

		// districts: what each still needs to reach the target, the year's gap split in that proportion
		Map<String, Long> trainedByDistrict = new HashMap<>();
		if (current != null) {
			current.breakdowns().byDistrict().forEach(b -> trainedByDistrict.put(b.key(), b.participants()));
		}
		List<Breakdown> districts = districtBase.stream()
			.filter(b -> b.key() != null && b.key().matches("\\d+") && b.members() != null && b.members() > 0)
			.toList();
		List<BigDecimal> districtWeights = districts.stream()
			.map(b -> BigDecimal.valueOf(b.members()).multiply(target).divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_EVEN)
				.subtract(BigDecimal.valueOf(trainedByDistrict.getOrDefault(b.key(), 0L))).max(BigDecimal.ZERO))
			.toList();
		if (districtWeights.stream().allMatch(w -> w.signum() == 0)) {
			districtWeights = districts.stream().map(b -> BigDecimal.valueOf(b.members())).toList();
		}
		long[] districtPeople = LargestRemainder.split(toDraft, districtWeights);
		List<Share> byDistrict = new ArrayList<>();
		for (int i = 0; i < districts.size(); i++) {
			Breakdown d = districts.get(i);
			byDistrict.add(new Share(d.key(), d.nameKk(), d.nameRu(), d.members(), districtPeople[i]));
		}

		// categories: in the mix of the people trained over the last two years (members have no category)
		YearFigures y1 = last.report().current();
		YearFigures y2 = last.report().previous();
		List<Share> byCategory = new ArrayList<>();
		List<CategoryFigure> cats = y1.categories();
		long[] catWeights = new long[cats.size()];
		for (int i = 0; i < cats.size(); i++) {
			catWeights[i] = cats.get(i).participants() + y2.category(cats.get(i).code());
		}
		long[] catPeople = LargestRemainder.split(gap, catWeights);
		for (int i = 0; i < cats.size(); i++) {
			CategoryFigure c = cats.get(i);
			byCategory.add(new Share(c.code(), c.nameKk(), c.nameRu(), catWeights[i], catPeople[i]));
		}

		// forms: the average attendance of each form over the last two years
		CoverageBreakdowns before = reports.breakdowns(user, region, year - 2);
		Map<String, long[]> formHistory = new LinkedHashMap<>();
		for (List<Breakdown> list : List.of(last.breakdowns().byForm(), before.byForm())) {
			for (Breakdown b : list) {
				long[] h = formHistory.computeIfAbsent(b.key(), k -> new long[2]);
				h[0] += b.events();
				h[1] += b.participants();
			}
		}
		long allEvents = formHistory.values().stream().mapToLong(h -> h[0]).sum();
		long allPeople = formHistory.values().stream().mapToLong(h -> h[1]).sum();
		BigDecimal overall = allEvents == 0 ? null
				: BigDecimal.valueOf(allPeople).divide(BigDecimal.valueOf(allEvents), 1, RoundingMode.HALF_UP);

		// short against longer formats on practical use, in the latest of the last two years whose answers
		// score both (a year just ended may have none yet: its seminars' questionnaires come in later)
		ResultsOverview survey = surveys.overview(user, year - 1, null, null, null);
		int surveyYear = year - 1;
		if (!bothScored(survey)) {
			ResultsOverview earlier = surveys.overview(user, year - 2, null, null, null);
			if (bothScored(earlier)) {
				survey = earlier;
				surveyYear = year - 2;
			}
		}
		ScoreLine shortLine = survey.shortFormats();
		ScoreLine longLine = survey.longerFormats();
		boolean longFormats = bothScored(survey) && shortLine.applicability().compareTo(longLine.applicability()) < 0;
		Set<String> knownForms = new LinkedHashSet<>(catalog.forms().stream().map(CatalogItem::code).toList());
		// the forms the items take in turn, quarter by quarter, at most three (below)
		Map<String, BigDecimal> applicability = new HashMap<>();
		survey.byForm().forEach(l -> {
			if (l.applicability() != null && l.responses() > 0) {
				applicability.put(l.key(), l.applicability());
			}
		});
		// the forms most held in the last two years, most first
		List<String> mostHeld = formHistory.entrySet().stream().filter(e -> knownForms.contains(e.getKey()) && e.getValue()[0] > 0)
			.sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0]).reversed()
				.thenComparing(Map.Entry::getKey))
			.map(Map.Entry::getKey)
			.toList();
		// where short formats scored lower (decision 52): first the forms scored at least as well as the
		// longer formats, best first; the turn is filled up with the forms most held, so one long form
		// does not become a district's whole year
		Set<String> scoredLonger = new LinkedHashSet<>();
		if (longFormats) {
			applicability.entrySet().stream()
				.filter(e -> knownForms.contains(e.getKey()) && e.getValue().compareTo(longLine.applicability()) >= 0)
				.sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
				.map(Map.Entry::getKey)
				.limit(FORMS_IN_TURN)
				.forEach(scoredLonger::add);
		}
		Set<String> turn = new LinkedHashSet<>(scoredLonger);
		for (String f : mostHeld) {
			if (turn.size() >= FORMS_IN_TURN) {
				break;
			}
			turn.add(f);
		}
		List<String> forms = turn.isEmpty() ? List.of(catalog.forms().get(0).code()) : List.copyOf(turn);
		Map<String, BigDecimal> averages = new HashMap<>();
		for (String f : forms) {
			long[] h = formHistory.get(f);
			averages.put(f, h != null && h[0] > 0
					? BigDecimal.valueOf(h[1]).divide(BigDecimal.valueOf(h[0]), 1, RoundingMode.HALF_UP) : overall);
		}

		// organizations with nobody trained two years running, by district
		Set<Long> districtIds = new LinkedHashSet<>(districts.stream().map(b -> Long.valueOf(b.key())).toList());
		Map<Long, List<Long>> leftOut = new HashMap<>();
		long leftOutCount = 0;
		for (MonitoringRow r : monitoring.rows(user, year - 1, null, MonitoringFilter.ALL)) {
			if (districtIds.contains(r.districtId()) && r.members() != null && r.trained() == 0 && r.recording().known()
					&& r.previousTrained() == 0 && r.previousRecording().known()) {
				leftOut.computeIfAbsent(r.districtId(), k -> new ArrayList<>()).add(r.organizationId());
				leftOutCount++;
			}
		}

		// topics: what the district's organizations asked for, the resolution's literacy, then the region's requests
		RequestDemand demand = requests.demand(user, year);
		Map<String, RequestDemand.Line> lines = new HashMap<>();
		demand.lines().forEach(l -> {
			if (l.topicCode() != null) {
				lines.put(l.topicCode(), l);
			}
		});
		List<RequestDemand.Line> regionRequested = demand.lines().stream()
			.filter(l -> l.topicCode() != null && l.requests() > 0)
			.sorted(Comparator.comparingLong(RequestDemand.Line::requests).reversed())
			.toList();

		// the resolution the executive committee adopted from last year's staff report, when there is one
		// (the loop of issue #22: report, resolution, plan); else resolution No. 9 of the source documents
		Optional<ResolutionDraft.Adoption> adopted = resolutions.adopted(user, region, year - 1);
		String y1s = String.valueOf(year - 1);
		String y2s = String.valueOf(year - 2);
		String targetText = target.toPlainString();
		List<Item> items = new ArrayList<>();
		for (int i = 0; i < districts.size(); i++) {
			Breakdown d = districts.get(i);
			long districtId = Long.parseLong(d.key());
			long people = districtPeople[i];
			if (people <= 0) {
				continue;
			}
			List<String[]> topics = topicsFor(districtId, regionRequested);
			long[] quarters = LargestRemainder.split(people, new long[] { 1, 1, 1, 1 });
			List<Long> lefts = leftOut.getOrDefault(districtId, List.of());
			for (int q = 1; q <= 4; q++) {
				int n = (int) quarters[q - 1];
				if (n <= 0) {
					continue;
				}
				String[] topic = topics.get((q - 1) % topics.size());
				String form = forms.get((i + q - 1) % forms.size());
				BigDecimal average = averages.get(form);
				String code = topic[0];
				boolean firstLeftOut = q == 1 && !lefts.isEmpty();
				Set<Long> targets = firstLeftOut ? new LinkedHashSet<>(lefts) : Set.of(districtId);
				Set<String> categories = LITERACY.contains(code) ? LITERACY_CATEGORIES
						: lines.containsKey(code) ? lines.get(code).byCategory().entrySet().stream()
							.filter(e -> e.getValue() > 0).map(Map.Entry::getKey)
							.collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)) : Set.of();
				Long events = average == null || average.signum() == 0 ? null
						: BigDecimal.valueOf(n).divide(average, 0, RoundingMode.CEILING).longValueExact();
				CatalogItem topicItem = catalog.topic(code).orElseThrow();
				CatalogItem formItem = catalog.form(form).orElseThrow();
				String[] reason = new String[2];
				String[] title = new String[2];
				Locale[] locales = { KK, RU };
				for (int l = 0; l < 2; l++) {
					Locale loc = locales[l];
					String district = l == 0 ? d.nameKk() : d.nameRu();
					StringBuilder why = new StringBuilder(msg(loc, "plandrafts.reason.share", district,
							NumberFormats.count(n, loc), NumberFormats.count(people, loc), String.valueOf(year), targetText,
							NumberFormats.count(d.members(), loc), String.valueOf(q)));
					if (firstLeftOut) {
						why.append(' ').append(msg(loc, "plandrafts.reason.leftOut", NumberFormats.count(lefts.size(), loc), y2s, y1s));
					}
					why.append(' ').append(switch (topic[1]) {
						case "district" -> msg(loc, "plandrafts.reason.requestedDistrict", topic[2], String.valueOf(year));
						case "region" -> msg(loc, "plandrafts.reason.requestedRegion", topic[2], String.valueOf(year));
						default -> adopted.map(a -> msg(loc, "plandrafts.reason.literacyAdopted", a.number(),
								NumberFormats.date(a.adoptedOn()), y1s)).orElseGet(() -> msg(loc, "plandrafts.reason.literacy"));
					});
					if (scoredLonger.contains(form)) {
						why.append(' ').append(msg(loc, "plandrafts.reason.longFormat", String.valueOf(surveyYear), score(shortLine.applicability(), loc),
								score(longLine.applicability(), loc), formItem.name(loc), score(applicability.get(form), loc)));
					}
					if (events != null) {
						why.append(' ').append(msg(loc, "plandrafts.reason.events", NumberFormats.count(events, loc),
								formItem.name(loc), score(average, loc), y2s, y1s));
					}
					reason[l] = why.toString();
					title[l] = msg(loc, firstLeftOut ? "plandrafts.item.titleLeftOut" : "plandrafts.item.title",
							topicItem.name(loc), district);
				}
				items.add(new Item(districtId, d.nameKk(), d.nameRu(), q, code, form, categories, targets, n, events,
						title[0], title[1], reason[0], reason[1]));
			}
		}

		Map<String, Long> peopleByForm = new LinkedHashMap<>();
		items.forEach(it -> peopleByForm.merge(it.formCode(), (long) it.people(), Long::sum));
		List<FormNeed> byForm = new ArrayList<>();
		peopleByForm.forEach((code, p) -> {
			long[] fh = formHistory.get(code);
			BigDecimal avg = fh != null && fh[0] > 0
					? BigDecimal.valueOf(fh[1]).divide(BigDecimal.valueOf(fh[0]), 1, RoundingMode.HALF_UP) : overall;
			Long ev = avg == null || avg.signum() == 0 ? null
					: items.stream().filter(it -> it.formCode().equals(code) && it.events() != null).mapToLong(Item::events).sum();
			byForm.add(new FormNeed(code, p, avg, ev));
		});

		return new PlanDraft(year, target, members, base.membersAsOf(), needed, trainedSoFar, gap, byHand, toDraft,
				y1.trainingYear(), y1.trained(), y1.coverageOrNull(), byDistrict, byCategory, byForm,
				budget(region.get(), year, gap, y1, y2), items, leftOutCount, longFormats, state, draftedBefore);
	}

	/**
	 * The district's topics in the order its quarters take them: {code, "district"|"literacy"|"region",
	 * requests}. The district's own requests and the resolution's literacy alternate; the region's most
	 * requested topics fill in when the district asked for fewer.
	 */
	private List<String[]> topicsFor(long districtId, List<RequestDemand.Line> regionRequested) {
		List<String[]> own = regionRequested.stream()
			.filter(l -> l.district(districtId) > 0)
			.sorted(Comparator.comparingLong((RequestDemand.Line l) -> l.district(districtId)).reversed())
			.map(l -> new String[] { l.topicCode(), "district", String.valueOf(l.district(districtId)) })
			.toList();
		List<String[]> result = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		int a = 0;
		int b = 0;
		while (result.size() < 4 && (a < own.size() || b < LITERACY.size())) {
			if (a < own.size() && (result.size() % 2 == 0 || b >= LITERACY.size())) {
				String[] t = own.get(a++);
				if (seen.add(t[0])) {
					result.add(t);
				}
			}
			else if (b < LITERACY.size()) {
				String code = LITERACY.get(b++);
				if (seen.add(code)) {
					result.add(new String[] { code, "literacy", "0" });
				}
			}
		}
		for (RequestDemand.Line l : regionRequested) {
			if (result.size() >= 4) {
				break;
			}
			if (seen.add(l.topicCode())) {
				result.add(new String[] { l.topicCode(), "region", String.valueOf(l.requests()) });
			}
		}
		return result;
	}

	/** The gap's cost at the last known cost per person trained, against the norm's share of the year's budget. */
	private PlanDraft.Budget budget(long region, int year, long gap, YearFigures y1, YearFigures y2) {
		Optional<BudgetShare> share = budgets.share(region, year).filter(BudgetShare::hasData);
		BigDecimal costPerPerson = null;
		Integer costYear = null;
		// actual spending first, then planned: the latest year of the last two with people trained
		for (FigureBasis basis : List.of(FigureBasis.ACTUAL, FigureBasis.PLANNED)) {
			for (YearFigures y : List.of(y1, y2)) {
				if (costPerPerson != null || y.trained() <= 0) {
					continue;
				}
				Optional<BudgetShare> s = budgets.share(region, y.trainingYear())
					.filter(x -> x.basis() == basis && x.trainingSpending() != null && x.trainingSpending().signum() > 0);
				if (s.isPresent()) {
					costPerPerson = s.get().trainingSpending().divide(BigDecimal.valueOf(y.trained()), 2, RoundingMode.HALF_UP);
					costYear = y.trainingYear();
				}
			}
		}
		BigDecimal estimate = costPerPerson == null ? null
				: costPerPerson.multiply(BigDecimal.valueOf(gap)).setScale(0, RoundingMode.HALF_UP);
		Percent norm = share.map(BudgetShare::norm).orElse(budgets.norm(year).share());
		BigDecimal expenditure = share.map(BudgetShare::totalExpenditure).orElse(null);
		BigDecimal normAmount = expenditure == null ? null
				: expenditure.multiply(norm.value()).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP);
		return new PlanDraft.Budget(share.isPresent(), norm, expenditure, normAmount, costYear, costPerPerson, estimate);
	}

	private String msg(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	private static String score(BigDecimal value, Locale locale) {
		return value == null ? "—" : NumberFormats.oneDecimal(value, locale);
	}

	/** Whether the year's answers score both short and longer formats on practical use. */
	private static boolean bothScored(ResultsOverview survey) {
		ScoreLine s = survey.shortFormats();
		ScoreLine l = survey.longerFormats();
		return s != null && l != null && s.applicability() != null && l.applicability() != null;
	}
}
