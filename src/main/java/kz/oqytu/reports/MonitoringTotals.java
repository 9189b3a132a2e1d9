package kz.oqytu.reports;

import java.util.List;

/** The monitoring page's headline: how many of the listed organizations are in each good state. */
public record MonitoringTotals(int organizations, int trained, int withSchoolPlan, int schoolPlanHeld,
		int withRequests, int acknowledgedAll, int interviewed, int leftOut, int notRecorded) {

	/** One headline figure: its message key suffix and how many organizations. */
	public record Line(String key, int count) {
	}

	public List<Line> lines() {
		return List.of(new Line("trained", trained), new Line("leftOut", leftOut), new Line("notRecorded", notRecorded),
				new Line("withSchoolPlan", withSchoolPlan),
				new Line("schoolPlanHeld", schoolPlanHeld), new Line("withRequests", withRequests),
				new Line("acknowledgedAll", acknowledgedAll), new Line("interviewed", interviewed));
	}

	/** The headline of rows in memory (a test's cross-check; the page counts in SQL). */
	public static MonitoringTotals of(List<MonitoringRow> rows) {
		int trained = 0, plan = 0, held = 0, requests = 0, acknowledged = 0, interviewed = 0, leftOut = 0, notRecorded = 0;
		for (MonitoringRow r : rows) {
			leftOut += MonitoringFilter.NOT_TRAINED.accepts(r) ? 1 : 0;
			notRecorded += MonitoringFilter.NOT_RECORDED.accepts(r) ? 1 : 0;
			trained += r.trained() > 0 ? 1 : 0;
			plan += r.schoolPlan().items() > 0 ? 1 : 0;
			held += r.schoolPlan().heldItems() > 0 ? 1 : 0;
			requests += r.requests().total() > 0 ? 1 : 0;
			acknowledged += r.acknowledgedAll() ? 1 : 0;
			interviewed += r.surveys().interviews() > 0 ? 1 : 0;
		}
		return new MonitoringTotals(rows.size(), trained, plan, held, requests, acknowledged, interviewed, leftOut,
				notRecorded);
	}
}
