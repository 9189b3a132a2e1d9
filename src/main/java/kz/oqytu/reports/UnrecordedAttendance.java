package kz.oqytu.reports;

/**
 * The held events of a year whose head count is not fully recorded by organization, and how many
 * people they leave unattributed (decision 19): the honest remainder beside per-organization figures.
 */
public record UnrecordedAttendance(long events, long people) {

	public static final UnrecordedAttendance NONE = new UnrecordedAttendance(0, 0);
}
