package kz.oqytu.surveys;

import java.util.List;

/**
 * Survey scores across events of a year, by form, topic, district, format length and respondent's
 * organization. Organizations with fewer responses than the anonymity threshold are not listed;
 * {@code hiddenOrganizations} says how many were left out. The organizations come a page at a time:
 * {@code byOrganization} is page {@code organizationPage} (from 0) of {@code organizationPageSize}
 * lines out of {@code listedOrganizations}.
 */
public record ResultsOverview(int year, ScoreLine total, List<ScoreLine> byForm, List<ScoreLine> byTopic,
		List<ScoreLine> byDistrict, ScoreLine shortFormats, ScoreLine longerFormats, List<ScoreLine> byOrganization,
		int anonymityThreshold, long hiddenOrganizations, long listedOrganizations, int organizationPage,
		int organizationPageSize) {

	/** The organizations' page for the pager fragment. */
	public org.springframework.data.domain.Page<ScoreLine> organizations() {
		return new org.springframework.data.domain.PageImpl<>(byOrganization,
				org.springframework.data.domain.PageRequest.of(organizationPage, organizationPageSize), listedOrganizations);
	}
}
