package kz.oqytu.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/**
 * Dates in planning that people are reminded of (read by the reminders module): campaign deadlines
 * and the months of school-plan items. No user: the caller is a scheduled job.
 */
public interface PlanningDueDates {

	/** Campaigns whose deadline falls between the dates (inclusive), with the organizations yet to answer. */
	List<CampaignDue> campaignsDue(LocalDate from, LocalDate to);

	/** Per organization, the school-plan items of the month that are not held yet. */
	List<SchoolItemsDue> schoolItemsDue(int year, int month);

	/** A campaign near its deadline and the active primary organizations it asks that have not answered. */
	record CampaignDue(long campaignId, int year, String titleKk, String titleRu, LocalDate deadline,
			List<Long> unansweredOrganizationIds) {

		public String title(Locale locale) {
			return LocalizedText.pick(locale, titleKk, titleRu);
		}
	}

	/** An organization's school-plan items planned for a month and not yet held. */
	record SchoolItemsDue(long organizationId, int year, int month, List<String> topics) {
	}
}
