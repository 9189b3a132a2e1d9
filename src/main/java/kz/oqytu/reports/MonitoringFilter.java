package kz.oqytu.reports;

/** Which organizations the monitoring page lists: all, or those needing attention in one respect. */
public enum MonitoringFilter {

	ALL, NOT_TRAINED, NOT_RECORDED, NO_SCHOOL_PLAN, SCHOOL_PLAN_NOT_HELD, NO_REQUESTS, NOT_ACKNOWLEDGED, NO_INTERVIEW;

	public boolean accepts(MonitoringRow row) {
		return switch (this) {
			case ALL -> true;
			// left out only when it is known that nobody came; otherwise not recorded (decision 19)
			case NOT_TRAINED -> row.trained() == 0 && row.recording().known();
			case NOT_RECORDED -> row.recording() == OrganizationCoverage.Recording.NOT_RECORDED;
			case NO_SCHOOL_PLAN -> row.schoolPlan().items() == 0;
			case SCHOOL_PLAN_NOT_HELD -> row.schoolPlan().items() > 0 && row.schoolPlan().heldItems() == 0;
			case NO_REQUESTS -> row.requests().total() == 0;
			case NOT_ACKNOWLEDGED -> row.materials().sent() > row.materials().acknowledged();
			case NO_INTERVIEW -> row.surveys().interviews() == 0;
		};
	}
}
