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
import kz.oqytu.planning.RequestCounts;
import kz.oqytu.planning.SchoolPlanStatus;
import kz.oqytu.planning.SchoolPlans;
import kz.oqytu.planning.TopicRequests;
import kz.oqytu.reports.Monitoring;
import kz.oqytu.reports.MonitoringFilter;
import kz.oqytu.reports.MonitoringPage;
import kz.oqytu.reports.MonitoringRow;
import kz.oqytu.reports.MonitoringTotals;
import kz.oqytu.surveys.OrganizationScores;
import kz.oqytu.surveys.OrganizationSurveys;

/**
 * The monitoring page (decision 32): coverage from the reports module's rollups, filtered, counted
 * and cut into a page in SQL. What other modules own comes in two bounded kinds of statement: for
 * the filters and the headline, each module names the organizations of the scope that have its
 * figure (ids only); for the rows shown, each gives its figures for the page's organization ids.
 */
@Service
class MonitoringService implements Monitoring {

	/** Rows per statement of the workbook, which streams every row of the selection. */
	static final int BATCH = 1000;

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
		MonitoringQueries.Totals t = queries.totals(scope, condition, marks);
		int pages = Math.max(1, (t.organizations() + size - 1) / size);
		int p = Math.min(Math.max(page, 0), pages - 1);
		List<MonitoringRow> rows = rows(user, queries.page(scope, condition, marks, (long) p * size, size), year);
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
		MonitoringQueries.Marks marks = marks(user, year);
		Consumer<Consumer<MonitoringRow>> source = sink -> {
			for (long offset = 0;; offset += BATCH) {
				List<MonitoringQueries.Coverage> batch = queries.page(scope, condition, marks, offset, BATCH);
				rows(user, batch, year).forEach(sink);
				if (batch.size() < BATCH) {
					return;
				}
			}
		};
		return workbook.write(source, unrecorded(user, year), year, surveys.anonymityThreshold(), locale);
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
		Map<Long, SchoolPlanStatus> plans = schoolPlans.statusByOrganization(user, year, ids);
		Map<Long, RequestCounts> requestCounts = requests.countsByOrganization(user, year, ids);
		Map<Long, MaterialStatus> received = materials.statusByOrganization(user, ids);
		Map<Long, OrganizationScores> scores = surveys.scoresByOrganization(user, year, ids);
		return coverage.stream().map(c -> {
			long id = c.organizationId();
			return new MonitoringRow(id, c.nameKk(), c.nameRu(), c.districtId(), c.districtKk(), c.districtRu(),
					c.members(), c.trained(), c.previousMembers(), c.previousTrained(),
					plans.getOrDefault(id, SchoolPlanStatus.none(id, year)),
					requestCounts.getOrDefault(id, new RequestCounts(id, 0, 0, 0, 0)),
					received.getOrDefault(id, new MaterialStatus(id, 0, 0, 0, 0)),
					scores.getOrDefault(id, OrganizationScores.none(id)), c.unrecorded(), c.previousUnrecorded());
		}).toList();
	}

	private static void requireStaff(CurrentUser user) {
		if (!user.isStaff()) {
			throw new AccessDeniedException("monitoring is for staff");
		}
	}
}
