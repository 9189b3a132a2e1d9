package kz.oqytu.reports.domain;

import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.Role;
import kz.oqytu.materials.Materials;
import kz.oqytu.organizations.OrganizationDetails;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.plans.Plans;
import kz.oqytu.reports.ChairPortal;
import kz.oqytu.reports.ChairPortals;
import kz.oqytu.requests.ChairCampaign;
import kz.oqytu.requests.TopicRequests;
import kz.oqytu.schoolplans.SchoolPlans;
import kz.oqytu.surveys.OrganizationSurveys;

/** The chair's home, put together from the modules that own each part. */
@Service
class ChairPortalService implements ChairPortals {

	private final Organizations organizations;

	private final MonitoringQueries queries;

	private final SchoolPlans schoolPlans;

	private final Plans plans;

	private final TopicRequests requests;

	private final Materials materials;

	private final OrganizationSurveys surveys;

	ChairPortalService(Organizations organizations, MonitoringQueries queries, SchoolPlans schoolPlans, Plans plans,
			TopicRequests requests, Materials materials, OrganizationSurveys surveys) {
		this.organizations = organizations;
		this.queries = queries;
		this.schoolPlans = schoolPlans;
		this.plans = plans;
		this.requests = requests;
		this.materials = materials;
		this.surveys = surveys;
	}

	@Override
	@Transactional(readOnly = true)
	public ChairPortal portal(CurrentUser user, long organizationId, int year) {
		// details() refuses organizations outside the user's scope and anything not primary.
		OrganizationDetails org = organizations.details(user, organizationId);
		if (user.is(Role.CHAIR) && user.scopeUnitId() != organizationId) {
			throw new AccessDeniedException("a chair sees only their own organization");
		}
		MonitoringQueries.Coverage coverage = queries.coverage(org.path(), null, organizationId, year)
			.stream()
			.findFirst()
			.orElseThrow();
		List<ChairCampaign> campaigns = user.is(Role.CHAIR) ? requests.openCampaigns(user) : List.of();
		return new ChairPortal(org.id(), org.nameKk(), org.nameRu(), org.districtKk(), org.districtRu(),
				org.chairName(), year, coverage.members(), coverage.membersAsOf(), coverage.trained(),
				coverage.previousTrained(), coverage.previousMembers(),
				schoolPlans.plan(organizationId, year).orElse(null), plans.itemsConcerning(organizationId, year),
				queries.events(organizationId, org.districtId(), org.path(), year), materials.sentTo(user, organizationId),
				requests.forOrganization(organizationId), campaigns, surveys.forOrganization(user, organizationId),
				coverage.unrecorded(), coverage.previousUnrecorded());
	}
}
