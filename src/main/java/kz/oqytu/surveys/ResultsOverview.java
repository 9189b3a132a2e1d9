package kz.oqytu.surveys;

import java.util.List;

/**
 * Survey scores across events of a year, by form, topic, district, format length and respondent's
 * organization. Organizations with fewer responses than the anonymity threshold are not listed;
 * {@code hiddenOrganizations} says how many were left out.
 */
public record ResultsOverview(int year, ScoreLine total, List<ScoreLine> byForm, List<ScoreLine> byTopic,
		List<ScoreLine> byDistrict, ScoreLine shortFormats, ScoreLine longerFormats, List<ScoreLine> byOrganization,
		int anonymityThreshold, long hiddenOrganizations) {
}
