package kz.oqytu.schoolplans;

import java.util.List;

/**
 * The months of school-plan items that people are reminded of (read by the reminders module). No user:
 * the caller is a scheduled job.
 */
public interface SchoolPlanDueDates {

	/** Per organization, the school-plan items of the month that are not held yet. */
	List<SchoolItemsDue> schoolItemsDue(int year, int month);

	/** An organization's school-plan items planned for a month and not yet held. */
	record SchoolItemsDue(long organizationId, int year, int month, List<String> topics) {
	}
}
