package kz.oqytu.reports;

import java.util.Locale;

import kz.oqytu.materials.MaterialStatus;
import kz.oqytu.requests.RequestCounts;
import kz.oqytu.schoolplans.SchoolPlanStatus;
import kz.oqytu.shared.LocalizedText;
import kz.oqytu.shared.Percent;
import kz.oqytu.surveys.OrganizationScores;

/**
 * One primary organization on the monitoring page: coverage this year and last (people trained
 * from it over its members, truncated like the union's table), its school plan, requests, materials
 * and what the surveys and interviews say.
 */
public record MonitoringRow(long organizationId, String nameKk, String nameRu, long districtId, String districtKk,
		String districtRu, Long members, long trained, Long previousMembers, long previousTrained,
		SchoolPlanStatus schoolPlan, RequestCounts requests, MaterialStatus materials, OrganizationScores surveys,
		long unrecorded, long previousUnrecorded) {

	public String name(Locale locale) {
		return LocalizedText.pick(locale, nameKk, nameRu);
	}

	public String district(Locale locale) {
		return LocalizedText.pick(locale, districtKk, districtRu);
	}

	/** Coverage this year (see {@link OrganizationCoverage}); null while nothing is recorded for it. */
	public Percent coverage() {
		return OrganizationCoverage.of(trained, unrecorded, members);
	}

	public Percent previousCoverage() {
		return OrganizationCoverage.of(previousTrained, previousUnrecorded, previousMembers);
	}

	/** How far this year's figure is known (decision 19). */
	public OrganizationCoverage.Recording recording() {
		return OrganizationCoverage.recording(trained, unrecorded);
	}

	public OrganizationCoverage.Recording previousRecording() {
		return OrganizationCoverage.recording(previousTrained, previousUnrecorded);
	}

	/** Requests the methodologist has answered (planned, held or declined). */
	public int answeredRequests() {
		return requests.planned() + requests.held() + requests.declined();
	}

	/** Whether everything sent to it was acknowledged (false when nothing was sent). */
	public boolean acknowledgedAll() {
		return materials.sent() > 0 && materials.acknowledged() >= materials.sent();
	}
}
