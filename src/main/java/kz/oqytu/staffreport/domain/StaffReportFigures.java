package kz.oqytu.staffreport.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.UnitInfo;
import kz.oqytu.organizations.UnitLevel;
import kz.oqytu.plans.PlanPage;
import kz.oqytu.plans.PlanSummary;
import kz.oqytu.plans.Plans;
import kz.oqytu.reports.AnnualReportPage;
import kz.oqytu.reports.CoverageReports;
import kz.oqytu.reports.Monitoring;
import kz.oqytu.reports.MonitoringFilter;
import kz.oqytu.reports.MonitoringRow;
import kz.oqytu.requests.RequestDemand;
import kz.oqytu.requests.TopicRequests;
import kz.oqytu.surveys.DemandLine;
import kz.oqytu.surveys.ResultsOverview;
import kz.oqytu.surveys.SurveyResults;

/**
 * Everything the staff report states, read through the owning modules' published APIs (no SQL of
 * its own): the annual report page (coverage table, breakdowns, budget shares), the plans of the
 * training year and the report year, the survey overview, the monitoring rows (materials,
 * interviews, who was left out two years running) and the topics asked for.
 */
@Component
class StaffReportFigures {

	/** The figures of one staff report; {@code reportYear} is the year it is written in. */
	record Figures(int reportYear, UnitLevel level, AnnualReportPage page, Optional<PlanSummary> previousPlan,
			Optional<PlanSummary> currentPlan, ResultsOverview surveys, Totals totals, List<MonitoringRow> notTrainedTwoYears,
			List<String[]> topicsNotPlanned, List<MonitoringRow> organizations) {

		int trainingYear() {
			return reportYear - 1;
		}

		/** A district or city committee's report (issue 22): its findings look at its organizations. */
		boolean district() {
			return level == UnitLevel.COMMITTEE;
		}
	}

	/**
	 * Sums over the monitoring rows of the training year; the organizations are those of the membership
	 * snapshot of 01.01 (a unit registered since has no members on that date and is not counted).
	 */
	record Totals(long organizations, long materialsSent, long materialsAcknowledged, long organizationsReached,
			long interviews, long organizationsInterviewed) {
	}

	private final CoverageReports reports;

	private final Plans plans;

	private final TopicRequests requests;

	private final SurveyResults surveys;

	private final Monitoring monitoring;

	private final Organizations organizations;

	StaffReportFigures(CoverageReports reports, Plans plans, TopicRequests requests, SurveyResults surveys,
			Monitoring monitoring, Organizations organizations) {
		this.organizations = organizations;
		this.reports = reports;
		this.plans = plans;
		this.requests = requests;
		this.surveys = surveys;
		this.monitoring = monitoring;
	}

	Figures gather(CurrentUser user, long unitId, int reportYear, AnnualReportPage page) {
		int trainingYear = reportYear - 1;
		long ownRegion = reports.regionId(user);
		boolean ownScope = unitId == ownRegion;
		UnitInfo unit = organizations.info(unitId).orElseThrow();
		boolean district = unit.level() == UnitLevel.COMMITTEE;
		// plans belong to the user's own region (a district of it works to the region's plan); another
		// body's report names none of them
		boolean regionalPlan = ownScope || (district && unit.parentId() != null && unit.parentId() == ownRegion);
		Optional<PlanSummary> previous = regionalPlan ? plans.summary(user, trainingYear) : Optional.empty();
		Optional<PlanSummary> current = regionalPlan ? plans.summary(user, reportYear) : Optional.empty();
		Long districtId = district ? unitId : null;
		ResultsOverview overview = surveys.overview(user, trainingYear, null, null, districtId);
		List<MonitoringRow> rows = monitoring.rows(user, trainingYear, districtId, MonitoringFilter.ALL);
		if (!ownScope && !district) {
			Set<Long> districts = page.breakdowns().byDistrict().stream().map(b -> b.key())
				.filter(k -> k != null && k.matches("\\d+")).map(Long::valueOf).collect(Collectors.toSet());
			rows = rows.stream().filter(r -> districts.contains(r.districtId())).toList();
		}
		long sent = 0, acknowledged = 0, reached = 0, interviews = 0, interviewed = 0;
		for (MonitoringRow r : rows) {
			sent += r.materials().sent();
			acknowledged += r.materials().acknowledged();
			reached += r.materials().sent() > 0 ? 1 : 0;
			interviews += r.surveys().interviews();
			interviewed += r.surveys().interviews() > 0 ? 1 : 0;
		}
		List<MonitoringRow> twoYears = rows.stream()
			.filter(r -> r.trained() == 0 && r.recording().known() && r.previousTrained() == 0
					&& r.previousRecording().known())
			.toList();
		// requests and wishes are counted region-wide: a district's report leaves that finding to the region's
		return new Figures(reportYear, unit.level(), page, previous, current, overview,
				new Totals(rows.stream().filter(r -> r.members() != null).count(), sent, acknowledged, reached, interviews, interviewed), twoYears,
				ownScope ? topicsNotPlanned(user, reportYear, trainingYear) : List.of(), rows);
	}

	/**
	 * Topics the organizations asked for (requests for the report year, survey wishes of the training
	 * year) that no item of the report year's plan covers: {code, kk, ru, requests, wishes}.
	 */
	private List<String[]> topicsNotPlanned(CurrentUser user, int reportYear, int trainingYear) {
		Set<String> planned = plans.page(user, reportYear).map(PlanPage::items).orElse(List.of()).stream()
			.flatMap(i -> i.topicCodes().stream()).collect(Collectors.toSet());
		java.util.Map<String, String[]> asked = new java.util.LinkedHashMap<>();
		RequestDemand demand = requests.demand(user, reportYear);
		for (RequestDemand.Line l : demand.lines()) {
			if (l.requests() > 0 && l.topicCode() != null) {
				asked.put(l.topicCode(), new String[] { l.topicCode(), l.nameKk(), l.nameRu(), String.valueOf(l.requests()), "0" });
			}
		}
		for (DemandLine l : surveys.demand(user, trainingYear)) {
			if (l.wishes() > 0 && l.topicCode() != null) {
				asked.computeIfAbsent(l.topicCode(), c -> new String[] { c, l.nameKk(), l.nameRu(), "0", "0" })[4] = String
					.valueOf(l.wishes());
			}
		}
		return asked.values().stream().filter(a -> !planned.contains(a[0])).toList();
	}
}
