package kz.oqytu.reports.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import kz.oqytu.reports.MonitoringRow;
import kz.oqytu.surveys.OrganizationScores;
import kz.oqytu.surveys.OrganizationSurveys;

/**
 * The monitoring page: coverage from one statement here, and one bulk statement from each module
 * that owns the rest (school plans, requests, materials, surveys), joined by organization id in
 * memory, so the page costs the same few statements for 6 or 600 organizations.
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
		if (!user.isStaff()) {
			throw new AccessDeniedException("monitoring is for staff");
		}
		List<MonitoringQueries.Coverage> coverage = queries.coverage(user.scopePath(), districtId, null, year);
		Map<Long, SchoolPlanStatus> plans = schoolPlans.statusByOrganization(user, year);
		Map<Long, RequestCounts> requestCounts = requests.countsByOrganization(user, year);
		Map<Long, MaterialStatus> received = materials.statusByOrganization(user);
		Map<Long, OrganizationScores> scores = surveys.scoresByOrganization(user, year);
		MonitoringFilter accepting = filter == null ? MonitoringFilter.ALL : filter;
		List<MonitoringRow> rows = new ArrayList<>(coverage.size());
		for (MonitoringQueries.Coverage c : coverage) {
			long id = c.organizationId();
			MonitoringRow row = new MonitoringRow(id, c.nameKk(), c.nameRu(), c.districtId(), c.districtKk(),
					c.districtRu(), c.members(), c.trained(), c.previousMembers(), c.previousTrained(),
					plans.getOrDefault(id, SchoolPlanStatus.none(id, year)),
					requestCounts.getOrDefault(id, new RequestCounts(id, 0, 0, 0, 0)),
					received.getOrDefault(id, new MaterialStatus(id, 0, 0, 0, 0)),
					scores.getOrDefault(id, OrganizationScores.none(id)), c.unrecorded(), c.previousUnrecorded());
			if (accepting.accepts(row)) {
				rows.add(row);
			}
		}
		return rows;
	}

	@Override
	@Transactional(readOnly = true)
	public kz.oqytu.reports.UnrecordedAttendance unrecorded(CurrentUser user, int year) {
		if (!user.isStaff()) {
			throw new AccessDeniedException("monitoring is for staff");
		}
		long[] figures = queries.unrecorded(user.scopePath(), year);
		return new kz.oqytu.reports.UnrecordedAttendance(figures[0], figures[1]);
	}

	@Override
	@Transactional(readOnly = true)
	public byte[] workbook(CurrentUser user, int year, Long districtId, MonitoringFilter filter, Locale locale) {
		return workbook.write(rows(user, year, districtId, filter), unrecorded(user, year), year,
				surveys.anonymityThreshold(), locale);
	}
}
