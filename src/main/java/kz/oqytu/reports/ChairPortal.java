package kz.oqytu.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import kz.oqytu.materials.SentMaterial;
import kz.oqytu.plans.PlanItemView;
import kz.oqytu.requests.ChairCampaign;
import kz.oqytu.requests.RequestView;
import kz.oqytu.schoolplans.SchoolPlanView;
import kz.oqytu.shared.LocalizedText;
import kz.oqytu.shared.Percent;
import kz.oqytu.surveys.OrganizationSurvey;

/**
 * A primary organization as its chair sees it on signing in: members, people trained this year and
 * last, its school plan, the regional plan items and events that concern it, the materials sent to
 * it, its requests and the survey results the anonymity threshold allows.
 */
public record ChairPortal(long organizationId, String nameKk, String nameRu, String districtKk, String districtRu,
		String chairName, int year, Long members, LocalDate membersAsOf, long trained, long previousTrained,
		Long previousMembers, SchoolPlanView schoolPlan, List<PlanItemView> regionalItems, List<PortalEvent> events,
		List<SentMaterial> materials, List<RequestView> requests, List<ChairCampaign> campaigns,
		OrganizationSurvey survey, long unrecorded, long previousUnrecorded) {

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

	/** Materials sent whose receipt the chair has not acknowledged yet. */
	public long unacknowledged() {
		return materials.stream().filter(m -> m.delivery().acknowledgedAt() == null).count();
	}

	/** Open request campaigns the organization has not answered yet. */
	public List<ChairCampaign> unansweredCampaigns() {
		return campaigns.stream().filter(c -> !c.answered()).toList();
	}
}
