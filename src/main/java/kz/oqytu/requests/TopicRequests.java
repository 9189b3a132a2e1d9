package kz.oqytu.requests;

import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;

import kz.oqytu.accounts.CurrentUser;

/**
 * Topic requests from the primary organizations ("bottom-up") and request campaigns.
 *
 * <p>A chair submits, changes and withdraws their own organization's requests while undecided, and
 * reads them with their status and reasons; an administrator may submit for an organization (a
 * request received on paper, the demo). Staff read all requests in their scope; ADMIN and
 * METHODOLOGIST decide on them and run campaigns. Anything else is an
 * {@link org.springframework.security.access.AccessDeniedException}.
 */
public interface TopicRequests {

	// ---- for other modules (chair portal, monitoring page)

	/** An organization's requests, newest first. No user: the caller decides the reader may see them. */
	List<RequestView> forOrganization(long organizationId);

	/** Request counts for a year of the organizations in the user's scope that have requests. One statement. */
	Map<Long, RequestCounts> countsByOrganization(CurrentUser user, int year);

	/** The same for the given organizations only (a page of the monitoring). One statement. */
	Map<Long, RequestCounts> countsByOrganization(CurrentUser user, int year, java.util.Collection<Long> organizationIds);

	/**
	 * The organizations in the user's scope with requests for the year ({@link RequestCounts#total()}
	 * above 0), for the monitoring's filter and totals without a row per organization. One statement.
	 */
	java.util.Set<Long> organizationsWithRequests(CurrentUser user, int year);

	// ---- pages

	/** The chair's own organization's requests. */
	List<RequestView> mine(CurrentUser chair);

	Page<RequestView> search(CurrentUser user, RequestCriteria criteria);

	RequestView request(CurrentUser user, long id);

	long submit(CurrentUser user, long organizationId, RequestCommand command);

	void update(CurrentUser user, long id, int version, RequestCommand command);

	void withdraw(CurrentUser user, long id, int version);

	void decide(CurrentUser user, long id, int version, RequestDecision decision);

	/** The demand of the year's requests by topic, category and district. */
	RequestDemand demand(CurrentUser user, int year);

	/** Years with requests, with this and next year, newest first. */
	List<Integer> years(CurrentUser user);

	List<CampaignView> campaigns(CurrentUser user);

	CampaignAnswers campaign(CurrentUser user, long id);

	/** Campaigns open today that ask the chair's organization, with whether it answered. */
	List<ChairCampaign> openCampaigns(CurrentUser chair);

	long openCampaign(CurrentUser user, CampaignCommand command);

	void updateCampaign(CurrentUser user, long id, int version, CampaignCommand command);
}
