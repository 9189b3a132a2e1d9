package kz.oqytu.reports.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.materials.MaterialStatus;
import kz.oqytu.materials.Materials;
import kz.oqytu.reports.Monitoring;
import kz.oqytu.reports.MonitoringFilter;
import kz.oqytu.reports.MonitoringPage;
import kz.oqytu.reports.MonitoringRow;
import kz.oqytu.reports.MonitoringTotals;
import kz.oqytu.requests.RequestCounts;
import kz.oqytu.requests.TopicRequests;
import kz.oqytu.schoolplans.SchoolPlanStatus;
import kz.oqytu.schoolplans.SchoolPlans;
import kz.oqytu.surveys.OrganizationScores;
import kz.oqytu.surveys.OrganizationSurveys;

/**
 * The monitoring page (decision 32): coverage from the reports module's rollups, filtered, counted
 * and cut into a page in SQL. What other modules own comes in two bounded kinds of statement: for
 * the filters and the headline, each module names the organizations of the scope that have its
 * figure (ids only); for the rows shown, each gives its figures for the page's organization ids, and
 * for the workbook its figures for the whole scope once, beside one cursor over the rows (decision 39).
 */
@Service
class MonitoringService implements Monitoring {

	private final MonitoringQueries queries;

	private final SchoolPlans schoolPlans;

	private final TopicRequests requests;

	private final Materials materials;

	private final OrganizationSurveys surveys;

	private final MonitoringWorkbook workbook;

	MonitoringService(MonitoringQueries queries, SchoolPlans schoolPlans, TopicRequests requests, Materials materials,
			OrganizationSurveys surveys, MonitoringWorkbook workbook) {
		this.queries = queries;
		this.schoolPlans = schoolPlans;
		this.requests = requests;
		this.materials = materials;
		this.surveys = surveys;
		this.workbook = workbook;
	}

	@Override
	@Transactional(readOnly = true)
	public List<MonitoringRow> rows(CurrentUser user, int year, Long districtId, MonitoringFilter filter) {
		requireStaff(user);
		MonitoringQueries.Scope scope = new MonitoringQueries.Scope(user.scopePath(), districtId, null, year);
		return rows(user, queries.page(scope, MonitoringQueries.condition(filter), marks(user, year), 0,
				Integer.MAX_VALUE), year);
	}

	@Override
	@Transactional(readOnly = true)
	public MonitoringPage page(CurrentUser user, int year, Long districtId, MonitoringFilter filter, int page,
			int size) {
		requireStaff(user);
		MonitoringQueries.Scope scope = new MonitoringQueries.Scope(user.scopePath(), districtId, null, year);
		String condition = MonitoringQueries.condition(filter);
		MonitoringQueries.Marks marks = marks(user, year);
		// the headline and the page in one statement; a page past the end is asked again as the last one
		int p = Math.max(page, 0);
		MonitoringQueries.Slice slice = queries.slice(scope, condition, marks, MonitoringQueries.PAGE_ORDER,
				(long) p * size, size);
		MonitoringQueries.Totals t = slice.selected();
		int pages = Math.max(1, (t.organizations() + size - 1) / size);
		if (p > pages - 1) {
			p = pages - 1;
			slice = queries.slice(scope, condition, marks, MonitoringQueries.PAGE_ORDER, (long) p * size, size);
		}
		List<MonitoringRow> rows = rows(user, slice.rows(), year);
		MonitoringTotals totals = new MonitoringTotals(t.organizations(), t.trained(), t.withSchoolPlan(),
				t.schoolPlanHeld(), t.withRequests(), t.acknowledgedAll(), t.interviewed(), t.leftOut(),
				t.notRecorded());
		return new MonitoringPage(new PageImpl<>(rows, PageRequest.of(p, size), t.organizations()), totals);
	}

	@Override
	@Transactional(readOnly = true)
	public kz.oqytu.reports.UnrecordedAttendance unrecorded(CurrentUser user, int year) {
		requireStaff(user);
		long[] figures = queries.unrecorded(user.scopePath(), year);
		return new kz.oqytu.reports.UnrecordedAttendance(figures[0], figures[1]);
	}

	@Override
	@Transactional(readOnly = true)
	public byte[] workbook(CurrentUser user, int year, Long districtId, MonitoringFilter filter, Locale locale) {
		requireStaff(user);
		MonitoringQueries.Scope scope = new MonitoringQueries.Scope(user.scopePath(), districtId, null, year);
		String condition = MonitoringQueries.condition(filter);
		// a fixed number of statements whatever the number of rows: the marks when the filter reads them,
		// each module's figures for the whole scope once, then the rows through one cursor
		MonitoringQueries.Marks marks = readsMarks(filter) ? marks(user, year) : MonitoringQueries.Marks.NONE;
		Figures figures = new Figures(schoolPlans.statusByOrganization(user, year),
				requests.countsByOrganization(user, year), materials.statusByOrganization(user),
				surveys.scoresByOrganization(user, year));
		kz.oqytu.reports.UnrecordedAttendance unrecorded = unrecorded(user, year);
		Consumer<Consumer<MonitoringRow>> source = sink -> queries.forEach(scope, condition, marks,
				c -> sink.accept(row(c, figures, year)));
		return workbook.write(source, unrecorded, year, surveys.anonymityThreshold(), locale);
	}

	/** Whether a filter's condition reads what other modules know (the marks); coverage needs none. */
	static boolean readsMarks(MonitoringFilter filter) {
		return filter != null && filter != MonitoringFilter.ALL && filter != MonitoringFilter.NOT_TRAINED
				&& filter != MonitoringFilter.NOT_RECORDED;
	}

	/** The ids other modules name for the filters and the headline: one statement each. */
	private MonitoringQueries.Marks marks(CurrentUser user, int year) {
		Map<Long, Boolean> acknowledged = materials.acknowledgedAllByOrganization(user);
		return new MonitoringQueries.Marks(schoolPlans.organizationsWithItems(user, year, false),
				schoolPlans.organizationsWithItems(user, year, true), requests.organizationsWithRequests(user, year),
				acknowledged.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList(),
				acknowledged.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList(),
				surveys.organizationsInterviewed(user, year));
	}

	/** The rows shown, with what other modules know of exactly these organizations. */
	private List<MonitoringRow> rows(CurrentUser user, List<MonitoringQueries.Coverage> coverage, int year) {
		if (coverage.isEmpty()) {
			return List.of();
		}
		Set<Long> ids = new java.util.LinkedHashSet<>();
		coverage.forEach(c -> ids.add(c.organizationId()));
		Figures figures = new Figures(schoolPlans.statusByOrganization(user, year, ids),
				requests.countsByOrganization(user, year, ids), materials.statusByOrganization(user, ids),
				surveys.scoresByOrganization(user, year, ids));
		return coverage.stream().map(c -> row(c, figures, year)).toList();
	}

	/** What the other modules know of the organizations, by id (absent: nothing). */
	private record Figures(Map<Long, SchoolPlanStatus> plans, Map<Long, RequestCounts> requests,
			Map<Long, MaterialStatus> materials, Map<Long, OrganizationScores> scores) {
	}

	private static MonitoringRow row(MonitoringQueries.Coverage c, Figures figures, int year) {
		long id = c.organizationId();
		return new MonitoringRow(id, c.nameKk(), c.nameRu(), c.districtId(), c.districtKk(), c.districtRu(),
				c.members(), c.trained(), c.previousMembers(), c.previousTrained(),
				figures.plans().getOrDefault(id, SchoolPlanStatus.none(id, year)),
				figures.requests().getOrDefault(id, new RequestCounts(id, 0, 0, 0, 0)),
				figures.materials().getOrDefault(id, new MaterialStatus(id, 0, 0, 0, 0)),
				figures.scores().getOrDefault(id, OrganizationScores.none(id)), c.unrecorded(), c.previousUnrecorded());
	}

	private static void requireStaff(CurrentUser user) {
		if (!user.isStaff()) {
			throw new AccessDeniedException("monitoring is for staff");
		}
	}
}
