package kz.oqytu.surveys;

import java.time.LocalDate;
import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/** An interview with the names of its organization and district. */
public record InterviewView(long id, LocalDate heldOn, long organizationId, String organizationKk,
		String organizationRu, long districtId, String districtKk, String districtRu, String interviewer,
		String respondentRole, String findings, Integer usefulness, Integer practicalUse, String notes,
		String createdBy, int version) {

	public String organization(Locale locale) {
		return LocalizedText.pick(locale, organizationKk, organizationRu);
	}

	public String district(Locale locale) {
		return LocalizedText.pick(locale, districtKk, districtRu);
	}

	/** The findings cut to about {@code max} characters at a word, for lists. */
	public String findingsExcerpt(int max) {
		if (findings == null || findings.length() <= max) {
			return findings;
		}
		int cut = findings.lastIndexOf(' ', max);
		return findings.substring(0, cut > max / 2 ? cut : max).strip() + "…";
	}
}
