package kz.oqytu.requests;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/**
 * Campaign deadlines that people are reminded of (read by the reminders module). No user: the caller
 * is a scheduled job. The months of school-plan items are {@link kz.oqytu.schoolplans.SchoolPlanDueDates}.
 */
public interface CampaignDueDates {

	/** Campaigns whose deadline falls between the dates (inclusive), with the organizations yet to answer. */
	List<CampaignDue> campaignsDue(LocalDate from, LocalDate to);

	/** A campaign near its deadline and the active primary organizations it asks that have not answered. */
	record CampaignDue(long campaignId, int year, String titleKk, String titleRu, LocalDate deadline,
			List<Long> unansweredOrganizationIds) {

		public String title(Locale locale) {
			return LocalizedText.pick(locale, titleKk, titleRu);
		}
	}
}
