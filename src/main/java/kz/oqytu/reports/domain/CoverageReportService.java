package kz.oqytu.reports.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.UnitInfo;
import kz.oqytu.organizations.UnitLevel;
import kz.oqytu.organizations.UnitOption;
import kz.oqytu.reports.AnnualCoverageReport;
import kz.oqytu.reports.AnnualReportPage;
import kz.oqytu.reports.Breakdown;
import kz.oqytu.reports.CategoryFigure;
import kz.oqytu.reports.CoverageBreakdowns;
import kz.oqytu.reports.CoverageReports;
import kz.oqytu.reports.TrendPoint;
import kz.oqytu.reports.YearFigures;
import kz.oqytu.shared.NotFoundException;
import kz.oqytu.training.CatalogItem;
import kz.oqytu.training.TrainingCatalog;
import java.time.Clock;

@Service
class CoverageReportService implements CoverageReports {

	static final int ORGANIZATION_LINES = 50;

	private final CoverageQueries queries;

	private final Organizations organizations;

	private final TrainingCatalog catalog;

	private final ReportsProperties properties;

	private final CoverageWorkbook workbook;

	private final CoveragePdf pdf;

	private final kz.oqytu.budget.Budgets budgets;

	private final Clock clock;

	private final ReportStamps stamps;

	private final MonitoringQueries monitoringQueries;

	private final DistrictCoverageQueries districts;

	CoverageReportService(CoverageQueries queries, Organizations organizations, TrainingCatalog catalog,
			ReportsProperties properties, CoverageWorkbook workbook, CoveragePdf pdf, kz.oqytu.budget.Budgets budgets, Clock clock,
			ReportStamps stamps, MonitoringQueries monitoringQueries, DistrictCoverageQueries districts) {
		this.districts = districts;
		this.monitoringQueries = monitoringQueries;
		this.clock = clock;
		this.stamps = stamps;
		this.budgets = budgets;
		this.queries = queries;
		this.organizations = organizations;
		this.catalog = catalog;
		this.properties = properties;
		this.workbook = workbook;
		this.pdf = pdf;
	}

	@Override
	@Transactional(readOnly = true)
	public AnnualCoverageReport annual(CurrentUser user, Optional<Long> regionId, int year) {
		return annual(region(user, regionId), year);
	}

	/** The report's figures of a region (the union's root: the country); also the bench's baseline (S3). */
	AnnualCoverageReport annual(UnitInfo region, int year) {
		// members on every 1 January at once: both years take theirs from the one statement
		Map<LocalDate, Long> members = membersByDate(region);
		return new AnnualCoverageReport(region.id(), region.nameKk(), region.nameRu(), year,
				figures(region, year - 1, members), figures(region, year, members));
	}

	/**
	 * A district or city committee (issue 22) is counted over the events held in it, read live
	 * ({@link DistrictCoverageQueries}); a region and the country over the rollups.
	 */
	private static boolean district(UnitInfo unit) {
		return unit.level() == UnitLevel.COMMITTEE;
	}

	private Map<LocalDate, Long> membersByDate(UnitInfo unit) {
		return district(unit) ? districts.membersByDate(unit.id()) : queries.membersByDate(unit.path());
	}

	private YearFigures figures(UnitInfo unit, int year, Map<LocalDate, Long> membersByDate) {
		Map<String, Long> byCategory = district(unit) ? districts.trainedByCategory(unit.id(), year)
				: queries.trainedByCategory(unit.path(), year);
		List<CategoryFigure> categories = categories(byCategory);
		long trained = categories.stream().mapToLong(CategoryFigure::participants).sum();
		MembersBase base = base(membersByDate, year);
		long[] counts = district(unit) ? districts.eventsAndPersons(unit.id(), year)
				: queries.eventsAndPersons(unit.path(), year);
		return new YearFigures(year, LocalDate.of(year + 1, 1, 1), base.members(), trained, categories, counts[0],
				counts[1], counts[2], base.asOf(), base.provisional());
	}

	/** The members a training year's coverage is counted against, and the snapshot they come from. */
	record MembersBase(Long members, LocalDate asOf, boolean provisional) {
	}

	/**
	 * Members on 01.01 of Y+1; none (null, "no data") when that snapshot is missing. The current year
	 * is provisional: its 01.01 of Y+1 is still ahead, so it is counted against the latest snapshot there is.
	 */
	MembersBase base(Map<LocalDate, Long> membersByDate, int year) {
		LocalDate date = LocalDate.of(year + 1, 1, 1);
		boolean provisional = provisional(year);
		Long exact = membersByDate.get(date);
		if (exact != null || !provisional) {
			return new MembersBase(exact, exact == null ? null : date, provisional);
		}
		return membersByDate.keySet()
			.stream()
			.filter(d -> d.isBefore(date))
			.max(java.util.Comparator.naturalOrder())
			.map(d -> new MembersBase(membersByDate.get(d), d, true))
			.orElse(new MembersBase(null, null, true));
	}

	private boolean provisional(int year) {
		return year == LocalDate.now(clock).getYear();
	}

	private List<CategoryFigure> categories(Map<String, Long> byCategory) {
		List<CategoryFigure> result = new ArrayList<>();
		for (CatalogItem c : catalog.categories()) {
			result.add(new CategoryFigure(c.code(), c.nameKk(), c.nameRu(), c.nameEn(), byCategory.getOrDefault(c.code(), 0L)));
		}
		return result;
	}

	@Override
	@Transactional(readOnly = true)
	public CoverageBreakdowns breakdowns(CurrentUser user, Optional<Long> regionId, int year) {
		return breakdowns(region(user, regionId), year);
	}

	CoverageBreakdowns breakdowns(UnitInfo region, int year) {
		if (district(region)) {
			return districtBreakdowns(region, year);
		}
		String path = region.path();
		long[] formats = queries.shortAndLonger(path, year, properties.shortFormatMaxDays());
		// Left out and not recorded by the same statement as monitoring and the portal (decision 19).
		MonitoringQueries.LeftOut left = monitoringQueries.leftOut(path, year, ORGANIZATION_LINES);
		List<Breakdown> leftOut = left.first().stream()
			.map(c -> new Breakdown(Long.toString(c.organizationId()), c.nameKk(), c.nameRu(), 0, 0, c.members()))
			.toList();
		long[] unrecorded = monitoringQueries.unrecorded(path, year);
		return new CoverageBreakdowns(queries.byDistrict(path, year, provisional(year)), queries.byForm(path, year),
				queries.byTopic(path, year), queries.byMonth(path, year),
				new Breakdown("short", null, null, formats[0], formats[1], null),
				new Breakdown("longer", null, null, formats[2], formats[3], null),
				leftOut, left.count(), left.organizations(),
				left.notRecorded(), new kz.oqytu.reports.UnrecordedAttendance(unrecorded[0], unrecorded[1]));
	}

	/**
	 * A district's breakdowns: its own line "by district" (the same figures as its line in the region's
	 * report), its forms, topics, months and formats, its organizations left out and its unrecorded head count.
	 */
	private CoverageBreakdowns districtBreakdowns(UnitInfo district, int year) {
		long id = district.id();
		long[] formats = districts.shortAndLonger(id, year, properties.shortFormatMaxDays());
		List<Breakdown> byMonth = districts.byMonth(id, year);
		// each held event in exactly one month: the district's line sums its months
		long events = byMonth.stream().mapToLong(Breakdown::events).sum();
		long people = byMonth.stream().mapToLong(Breakdown::participants).sum();
		Long members = base(districts.membersByDate(id), year).members();
		MonitoringQueries.LeftOut left = monitoringQueries.leftOut(district.path(), year, ORGANIZATION_LINES);
		List<Breakdown> leftOut = left.first().stream()
			.map(c -> new Breakdown(Long.toString(c.organizationId()), c.nameKk(), c.nameRu(), 0, 0, c.members()))
			.toList();
		long[] unrecorded = districts.unrecorded(id, year);
		return new CoverageBreakdowns(
				List.of(new Breakdown(Long.toString(id), district.nameKk(), district.nameRu(), events, people, members)),
				districts.byForm(id, year), districts.byTopic(id, year), byMonth,
				new Breakdown("short", null, null, formats[0], formats[1], null),
				new Breakdown("longer", null, null, formats[2], formats[3], null),
				leftOut, left.count(), left.organizations(),
				left.notRecorded(), new kz.oqytu.reports.UnrecordedAttendance(unrecorded[0], unrecorded[1]));
	}

	@Override
	@Transactional(readOnly = true)
	public List<kz.oqytu.reports.BudgetFigure> budget(CurrentUser user, Optional<Long> regionId, int year) {
		return budget(region(user, regionId), year);
	}

	private List<kz.oqytu.reports.BudgetFigure> budget(UnitInfo region, int year) {
		return List.of(budgetFigure(region.id(), year), budgetFigure(region.id(), year + 1));
	}

	@Override
	@Transactional(readOnly = true)
	public long regionId(CurrentUser user) {
		return region(user, Optional.empty()).id();
	}

	@Override
	@Transactional(readOnly = true)
	public long regionId(CurrentUser user, long requested) {
		return region(user, Optional.of(requested)).id();
	}

	@Override
	@Transactional(readOnly = true)
	public AnnualReportPage annualPage(CurrentUser user, Optional<Long> regionId, int year) {
		return annualPage(region(user, regionId), year);
	}

	/** The report page's statements for a region, checked already (the bench's baseline runs these too). */
	AnnualReportPage annualPage(UnitInfo region, int year) {
		AnnualCoverageReport report = annual(region, year);
		return new AnnualReportPage(report, breakdowns(region, year), budget(region, year), byRegion(region, report));
	}

	@Override
	@Transactional(readOnly = true)
	public List<Breakdown> byRegion(CurrentUser user, Optional<Long> regionId, int year) {
		return byRegion(region(user, regionId), year);
	}

	/** The dashboard's regions of the country (none for a region). */
	List<Breakdown> byRegion(UnitInfo region, int year) {
		if (region.level() != UnitLevel.NATIONAL) {
			return List.of();
		}
		return queries.byRegion(region.path(), year, base(queries.membersByDate(region.path()), year).asOf());
	}

	/** The regions of the country's report, counted against the country's own members date. */
	private List<Breakdown> byRegion(UnitInfo region, AnnualCoverageReport report) {
		if (region.level() != UnitLevel.NATIONAL) {
			return List.of();
		}
		return queries.byRegion(region.path(), report.year(), report.current().membersAsOf());
	}

	private kz.oqytu.reports.BudgetFigure budgetFigure(long regionId, int year) {
		return new kz.oqytu.reports.BudgetFigure(year, budgets.share(regionId, year).orElse(null), budgets.norm(year));
	}

	@Override
	@Transactional(readOnly = true)
	public List<TrendPoint> trend(CurrentUser user, Optional<Long> regionId) {
		return trend(region(user, regionId));
	}

	List<TrendPoint> trend(UnitInfo region) {
		boolean district = district(region);
		Map<Integer, Long> events = district ? districts.eventsByYear(region.id()) : queries.eventsByYear(region.path());
		Map<LocalDate, Long> members = membersByDate(region);
		Map<Integer, Map<String, Long>> byYear = new java.util.TreeMap<>();
		for (Object[] row : district ? districts.trainedByYearAndCategory(region.id())
				: queries.trainedByYearAndCategory(region.path())) {
			byYear.computeIfAbsent((Integer) row[0], y -> new java.util.HashMap<>()).put((String) row[1], (Long) row[2]);
		}
		List<TrendPoint> points = new ArrayList<>();
		for (int year : new TreeSet<>(events.keySet())) {
			List<CategoryFigure> categories = categories(byYear.getOrDefault(year, Map.of()));
			long trained = categories.stream().mapToLong(CategoryFigure::participants).sum();
			MembersBase base = base(members, year);
			points.add(new TrendPoint(year, events.get(year), trained, base.members(), categories, base.asOf(),
					base.provisional()));
		}
		return points;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Integer> years(CurrentUser user) {
		return queries.heldYears(region(user, Optional.empty()).path());
	}

	@Override
	@Transactional(readOnly = true)
	public int latestYear(CurrentUser user) {
		int current = LocalDate.now(clock).getYear();
		return queries.heldYears(region(user, Optional.empty()).path())
			.stream()
			.filter(y -> y <= current)
			.max(Integer::compare)
			.orElse(current);
	}

	@Override
	@Transactional(readOnly = true)
	public byte[] annualWorkbook(CurrentUser user, Optional<Long> regionId, int year, Locale locale) {
		AnnualReportPage page = annualPage(user, regionId, year);
		return workbook.write(page.report(), page.breakdowns(), page.budget(), page.byRegion(), stamps.forLive(page.report()),
				locale);
	}

	@Override
	@Transactional(readOnly = true)
	public byte[] annualPdf(CurrentUser user, Optional<Long> regionId, int year, Locale locale) {
		AnnualReportPage page = annualPage(user, regionId, year);
		return pdf.render(page.report(), page.breakdowns(), page.budget(), stamps.forLive(page.report()), locale);
	}

	/**
	 * The union body asked for (a region, the country, or a district or city committee the user's scope
	 * covers), or the user's own region; a region must lie in the user's scope or contain it.
	 */
	private UnitInfo region(CurrentUser user, Optional<Long> regionId) {
		if (!user.isStaff()) {
			throw new AccessDeniedException("staff only");
		}
		// issue 17: the national officer's own report is the whole union's (its scope node, the root)
		long id = regionId.orElseGet(() -> user.is(kz.oqytu.accounts.Role.NATIONAL_OFFICER) ? user.scopeUnitId()
				: organizations.regionOf(user).map(UnitOption::id).orElseThrow(() -> new NotFoundException("no region")));
		UnitInfo region = organizations.info(id)
			// the union's root too: the whole country's report, only for those whose scope is the whole union;
			// a district or city committee (issue 22): its own report, for those whose scope covers it (below)
			.filter(u -> u.level() == UnitLevel.REGION || u.level() == UnitLevel.COMMITTEE
					|| (u.level() == UnitLevel.NATIONAL && user.covers(u.path())))
			.orElseThrow(() -> new NotFoundException("region " + id));
		if (!user.covers(region.path()) && (region.level() == UnitLevel.COMMITTEE || !user.scopePath().startsWith(region.path()))) {
			throw new AccessDeniedException("region " + id + " is outside the user's scope");
		}
		return region;
	}
}
