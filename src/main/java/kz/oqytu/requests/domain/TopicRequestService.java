package kz.oqytu.requests.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.time.Clock;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.training.CatalogItem;
import kz.oqytu.plans.PlanningScope;
import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.Role;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.Scopes;
import kz.oqytu.organizations.UnitInfo;
import kz.oqytu.requests.CampaignAnswers;
import kz.oqytu.requests.CampaignCommand;
import kz.oqytu.requests.CampaignView;
import kz.oqytu.requests.ChairCampaign;
import kz.oqytu.requests.RequestCommand;
import kz.oqytu.requests.RequestCounts;
import kz.oqytu.requests.RequestCriteria;
import kz.oqytu.requests.RequestDecision;
import kz.oqytu.requests.RequestDemand;
import kz.oqytu.requests.RequestStatus;
import kz.oqytu.requests.RequestView;
import kz.oqytu.requests.TopicRequests;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.ConflictException;
import kz.oqytu.shared.NotFoundException;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.EventSummary;
import kz.oqytu.training.TrainingCatalog;
import kz.oqytu.training.TrainingEvents;

@Service
class TopicRequestService implements TopicRequests {

	static final int MAX_PARTICIPANTS = 100_000;

	private final TopicRequestRepository requests;

	private final RequestCampaignRepository campaigns;

	private final RequestQueries queries;

	private final PlanningScope scope;

	private final Organizations organizations;

	private final TrainingCatalog catalog;

	private final TrainingEvents events;

	private final JdbcClient jdbc;

	private final Clock clock;

	TopicRequestService(TopicRequestRepository requests, RequestCampaignRepository campaigns, RequestQueries queries,
			PlanningScope scope, Organizations organizations, TrainingCatalog catalog, TrainingEvents events,
			JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.requests = requests;
		this.campaigns = campaigns;
		this.queries = queries;
		this.scope = scope;
		this.organizations = organizations;
		this.catalog = catalog;
		this.events = events;
		this.jdbc = jdbc;
	}

	// ---- for other modules

	@Override
	@Transactional(readOnly = true)
	public List<RequestView> forOrganization(long organizationId) {
		return queries.list("r.organization_id = :org", "r.year desc, r.created_at desc, r.id desc",
				Map.of("org", organizationId));
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, RequestCounts> countsByOrganization(CurrentUser user, int year) {
		return countsByOrganization(user, year, (Long[]) null);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, RequestCounts> countsByOrganization(CurrentUser user, int year,
			java.util.Collection<Long> organizationIds) {
		return countsByOrganization(user, year, organizationIds.toArray(new Long[0]));
	}

	@Override
	@Transactional(readOnly = true)
	public java.util.Set<Long> organizationsWithRequests(CurrentUser user, int year) {
		String where = user.is(Role.CHAIR) ? "r.organization_id = :own" : Scopes.within("o.path", "scope");
		return new java.util.HashSet<>(jdbc.sql("""
				select distinct r.organization_id
				from topic_request r join organizations_v_unit o on o.id = r.organization_id
				where r.status in ('SUBMITTED', 'PLANNED', 'HELD', 'DECLINED') and r.year = :year and\s""" + where)
			.param("year", year)
			.param(user.is(Role.CHAIR) ? "own" : "scope", user.is(Role.CHAIR) ? user.scopeUnitId() : Scopes.prefix(user.scopePath()))
			.query(Long.class)
			.list());
	}

	private Map<Long, RequestCounts> countsByOrganization(CurrentUser user, int year, Long[] ids) {
		String where = (user.is(Role.CHAIR) ? "r.organization_id = :own" : Scopes.within("o.path", "scope"))
				+ (ids == null ? "" : " and r.organization_id = any(:ids)");
		Map<Long, RequestCounts> result = new LinkedHashMap<>();
		jdbc.sql("""
				select r.organization_id,
				       count(*) filter (where r.status = 'SUBMITTED') as submitted,
				       count(*) filter (where r.status = 'PLANNED') as planned,
				       count(*) filter (where r.status = 'HELD') as held,
				       count(*) filter (where r.status = 'DECLINED') as declined
				from topic_request r join organizations_v_unit o on o.id = r.organization_id
				where r.year = :year and\s""" + where + " group by r.organization_id")
			.param("year", year)
			.param(user.is(Role.CHAIR) ? "own" : "scope", user.is(Role.CHAIR) ? user.scopeUnitId() : Scopes.prefix(user.scopePath()))
			.param("ids", ids)
			.query(rs -> {
				long organizationId = rs.getLong("organization_id");
				result.put(organizationId, new RequestCounts(organizationId, rs.getInt("submitted"), rs.getInt("planned"),
						rs.getInt("held"), rs.getInt("declined")));
			});
		return result;
	}

	// ---- reading

	@Override
	@Transactional(readOnly = true)
	public List<RequestView> mine(CurrentUser chair) {
		if (!chair.is(Role.CHAIR)) {
			throw new AccessDeniedException("chairs only");
		}
		return forOrganization(chair.scopeUnitId());
	}

	@Override
	@Transactional(readOnly = true)
	public Page<RequestView> search(CurrentUser user, RequestCriteria c) {
		PlanningScope.requireStaff(user);
		StringBuilder where = new StringBuilder(Scopes.within("o.path", "scope"));
		Map<String, Object> params = new HashMap<>();
		params.put("scope", Scopes.prefix(user.scopePath()));
		if (c.year() != null) {
			where.append(" and r.year = :year");
			params.put("year", c.year());
		}
		if (c.status() != null) {
			where.append(" and r.status = :status");
			params.put("status", c.status().name());
		}
		if (c.districtId() != null) {
			where.append(" and o.parent_id = :district");
			params.put("district", c.districtId());
		}
		if (c.topicCode() != null) {
			where.append(" and exists (select 1 from topic_request_topic t where t.request_id = r.id and t.topic_code = :topic)");
			params.put("topic", c.topicCode());
		}
		if (c.categoryCode() != null) {
			where.append(" and exists (select 1 from topic_request_category k where k.request_id = r.id"
					+ " and k.category_code = :category)");
			params.put("category", c.categoryCode());
		}
		long total = jdbc.sql("select count(*)" + RequestQueries.FROM + " where " + where).params(params)
			.query(Long.class)
			.single();
		params.put("limit", c.size());
		params.put("offset", (long) c.page() * c.size());
		List<RequestView> rows = queries.list(where.toString(),
				"case r.status when 'SUBMITTED' then 0 else 1 end, r.created_at desc, r.id desc limit :limit offset :offset",
				params);
		return new PageImpl<>(rows, PageRequest.of(c.page(), c.size()), total);
	}

	@Override
	@Transactional(readOnly = true)
	public RequestView request(CurrentUser user, long id) {
		RequestView view = queries.list("r.id = :id", "r.id", Map.of("id", id))
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("request " + id));
		readable(user, view.organizationId());
		return view;
	}

	private void readable(CurrentUser user, long organizationId) {
		if (user.is(Role.CHAIR)) {
			if (organizationId != user.scopeUnitId()) {
				throw new AccessDeniedException("request of another organization");
			}
			return;
		}
		UnitInfo org = organizations.info(organizationId).orElseThrow(() -> new NotFoundException("organization"));
		if (!user.covers(org.path())) {
			throw new AccessDeniedException("request outside the user's scope");
		}
	}

	// ---- the chair's writes

	@Override
	@Transactional
	public long submit(CurrentUser user, long organizationId, RequestCommand command) {
		requester(user, organizationId);
		check(user, command);
		TopicRequest request = new TopicRequest(organizationId, user.username());
		request.describe(command);
		return requests.saveAndFlush(request).getId();
	}

	@Override
	@Transactional
	public void update(CurrentUser user, long id, int version, RequestCommand command) {
		TopicRequest request = ownOpenRequest(user, id, version);
		check(user, command);
		request.describe(command);
		flush(request);
	}

	@Override
	@Transactional
	public void withdraw(CurrentUser user, long id, int version) {
		TopicRequest request = ownOpenRequest(user, id, version);
		try {
			requests.delete(request);
			// flushed inside the try: a row changed meanwhile fails here as a conflict, not at commit
			requests.flush();
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			throw new ConflictException("request " + id);
		}
	}

	private TopicRequest ownOpenRequest(CurrentUser user, long id, int version) {
		TopicRequest request = requests.findById(id).orElseThrow(() -> new NotFoundException("request " + id));
		requester(user, request.getOrganizationId());
		if (request.getVersion() != version) {
			throw new ConflictException("request " + id);
		}
		if (request.getStatus() != RequestStatus.SUBMITTED) {
			throw new BusinessRuleException("requests.error.decided");
		}
		return request;
	}

	/** The organization's chair, or an administrator entering a request received on paper. */
	private UnitInfo requester(CurrentUser user, long organizationId) {
		UnitInfo org = organizations.info(organizationId).filter(UnitInfo::isPrimary)
			.orElseThrow(() -> new NotFoundException("organization " + organizationId));
		boolean ownChair = user.is(Role.CHAIR) && user.scopeUnitId() == organizationId;
		boolean admin = PlanningScope.isAdmin(user) && user.covers(org.path());
		if (!ownChair && !admin) {
			throw new AccessDeniedException("requests are submitted by the organization's chair");
		}
		return org;
	}

	private void check(CurrentUser user, RequestCommand c) {
		int thisYear = LocalDate.now(clock).getYear();
		int first = user.is(Role.CHAIR) ? thisYear : 2000;
		if (c.year() == null || c.year() < first || c.year() > thisYear + 2) {
			throw new BusinessRuleException("year", "requests.error.year", thisYear, thisYear + 2);
		}
		if (c.topicCodes() == null || c.topicCodes().isEmpty()) {
			throw new BusinessRuleException("topicCodes", "requests.error.topicRequired");
		}
		if (!CatalogItem.codes(catalog.topics()).containsAll(c.topicCodes())) {
			throw new BusinessRuleException("topicCodes", "plans.error.topicUnknown");
		}
		if (c.categoryCodes() == null || c.categoryCodes().isEmpty()) {
			throw new BusinessRuleException("categoryCodes", "requests.error.categoryRequired");
		}
		if (!CatalogItem.codes(catalog.categories()).containsAll(c.categoryCodes())) {
			throw new BusinessRuleException("categoryCodes", "plans.error.categoryUnknown");
		}
		if (c.preferredFormCode() != null && !c.preferredFormCode().isBlank()
				&& !CatalogItem.codes(catalog.forms()).contains(c.preferredFormCode())) {
			throw new BusinessRuleException("preferredFormCode", "plans.error.formUnknown");
		}
		if (c.preferredMonth() != null && (c.preferredMonth() < 1 || c.preferredMonth() > 12)) {
			throw new BusinessRuleException("preferredMonth", "plans.error.month");
		}
		if (c.expectedParticipants() == null || c.expectedParticipants() < 1 || c.expectedParticipants() > MAX_PARTICIPANTS) {
			throw new BusinessRuleException("expectedParticipants", "requests.error.participants");
		}
		if (c.comment() != null && c.comment().strip().length() > 2000) {
			throw new BusinessRuleException("comment", "validation.tooLong");
		}
	}

	// ---- the methodologist's decision

	@Override
	@Transactional
	public void decide(CurrentUser user, long id, int version, RequestDecision d) {
		PlanningScope.Body region = scope.writableRegion(user);
		TopicRequest request = requests.findById(id).orElseThrow(() -> new NotFoundException("request " + id));
		UnitInfo org = organizations.info(request.getOrganizationId()).orElseThrow();
		if (!user.covers(org.path())) {
			throw new AccessDeniedException("request outside the user's scope");
		}
		if (request.getVersion() != version) {
			throw new ConflictException("request " + id);
		}
		if (d.status() == null) {
			throw new BusinessRuleException("status", "validation.required");
		}
		switch (d.status()) {
			case PLANNED -> {
				if (d.planItemId() == null) {
					throw new BusinessRuleException("planItemId", "requests.error.itemRequired");
				}
				boolean known = jdbc.sql("select count(*) from plans_v_item i where i.id = :item and i.org_unit_id = :unit")
					.param("item", d.planItemId())
					.param("unit", region.id())
					.query(Integer.class)
					.single() > 0;
				if (!known) {
					throw new BusinessRuleException("planItemId", "requests.error.itemUnknown");
				}
			}
			case HELD -> {
				if (d.eventId() == null) {
					throw new BusinessRuleException("eventId", "requests.error.eventRequired");
				}
				EventSummary event = events.summary(d.eventId())
					.filter(e -> user.covers(e.organizerPath()))
					.orElseThrow(() -> new BusinessRuleException("eventId", "requests.error.eventUnknown"));
				if (event.status() != EventStatus.HELD) {
					throw new BusinessRuleException("eventId", "requests.error.eventNotHeld");
				}
			}
			case DECLINED -> {
				if (d.reason() == null || d.reason().isBlank()) {
					throw new BusinessRuleException("reason", "requests.error.reasonRequired");
				}
				if (d.reason().strip().length() > 1000) {
					throw new BusinessRuleException("reason", "validation.tooLong");
				}
			}
			case SUBMITTED -> {
			}
		}
		request.decide(d.status(), d.planItemId(), d.eventId(), d.reason(), user.username());
		flush(request);
	}

	private void flush(TopicRequest request) {
		try {
			requests.saveAndFlush(request);
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			throw new ConflictException("request " + request.getId());
		}
	}

	// ---- demand

	@Override
	@Transactional(readOnly = true)
	public RequestDemand demand(CurrentUser user, int year) {
		PlanningScope.requireStaff(user);
		String scopePath = Scopes.prefix(user.scopePath());
		Map<String, RequestDemand.Line> lines = new LinkedHashMap<>();
		jdbc.sql("""
				select tt.code, tt.name_kk, tt.name_ru, count(r.id) as requests,
				       coalesce(sum(r.expected_participants), 0) as expected_participants
				from training_v_topic tt
				left join (topic_request_topic t
				           join topic_request r on r.id = t.request_id and r.year = :year
				           join organizations_v_unit o on o.id = r.organization_id and %s)
				       on t.topic_code = tt.code
				group by tt.code, tt.name_kk, tt.name_ru, tt.sort_order
				order by count(r.id) desc, tt.sort_order
				""".formatted(Scopes.within("o.path", "scope")))
			.param("year", year)
			.param("scope", scopePath)
			.query(rs -> {
				String code = rs.getString("code");
				lines.put(code, new RequestDemand.Line(code, rs.getString("name_kk"), rs.getString("name_ru"),
						rs.getLong("requests"), rs.getLong("expected_participants"), new HashMap<>(), new HashMap<>()));
			});
		jdbc.sql("""
				select t.topic_code, c.category_code, count(distinct r.id) as requests
				from topic_request r
				join organizations_v_unit o on o.id = r.organization_id
				join topic_request_topic t on t.request_id = r.id
				join topic_request_category c on c.request_id = r.id
				where r.year = :year and %s
				group by t.topic_code, c.category_code
				""".formatted(Scopes.within("o.path", "scope")))
			.param("year", year)
			.param("scope", scopePath)
			.query(rs -> {
				RequestDemand.Line line = lines.get(rs.getString("topic_code"));
				if (line != null) {
					line.byCategory().put(rs.getString("category_code"), rs.getLong("requests"));
				}
			});
		jdbc.sql("""
				select t.topic_code, o.parent_id, count(distinct r.id) as requests
				from topic_request r
				join organizations_v_unit o on o.id = r.organization_id
				join topic_request_topic t on t.request_id = r.id
				where r.year = :year and %s
				group by t.topic_code, o.parent_id
				""".formatted(Scopes.within("o.path", "scope")))
			.param("year", year)
			.param("scope", scopePath)
			.query(rs -> {
				RequestDemand.Line line = lines.get(rs.getString("topic_code"));
				if (line != null) {
					line.byDistrict().put(rs.getLong("parent_id"), rs.getLong("requests"));
				}
			});
		long[] totals = jdbc.sql("select count(*) as requests, count(distinct r.organization_id) as organizations from topic_request r"
				+ " join organizations_v_unit o on o.id = r.organization_id where r.year = :year and "
				+ Scopes.within("o.path", "scope"))
			.param("year", year)
			.param("scope", scopePath)
			.query((rs, n) -> new long[] { rs.getLong("requests"), rs.getLong("organizations") })
			.single();
		return new RequestDemand(year, List.copyOf(lines.values()), totals[0], totals[1]);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Integer> years(CurrentUser user) {
		TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
		if (user.isStaff()) {
			years.addAll(jdbc.sql("select distinct r.year from topic_request r join organizations_v_unit o on o.id = r.organization_id"
					+ " where " + Scopes.within("o.path", "scope"))
				.param("scope", Scopes.prefix(user.scopePath()))
				.query(Integer.class)
				.list());
		}
		years.add(LocalDate.now(clock).getYear());
		years.add(LocalDate.now(clock).getYear() + 1);
		return List.copyOf(years);
	}

	// ---- campaigns

	private static final String CAMPAIGN_SELECT = """
			select c.id, c.year, c.title_kk, c.title_ru, c.opens_on, c.deadline, c.note, c.version,
			       (select count(*) from organizations_v_unit o where o.level = 'PRIMARY' and o.active
			          and %1$s) as organizations,
			       (select count(distinct r.organization_id) from topic_request r join organizations_v_unit o on o.id = r.organization_id
			         where r.year = c.year and o.level = 'PRIMARY' and o.active and %1$s) as answered
			from request_campaign c
			""".formatted(Scopes.within("o.path", "scope"));

	@Override
	@Transactional(readOnly = true)
	public List<CampaignView> campaigns(CurrentUser user) {
		PlanningScope.Body region = scope.readableRegion(user);
		return jdbc.sql(CAMPAIGN_SELECT + " where c.org_unit_id = :unit order by c.year desc, c.opens_on desc")
			.param("unit", region.id())
			.param("scope", campaignScope(user, region))
			.query((rs, n) -> campaign(rs))
			.list();
	}

	/** The organizations a campaign asks, as far as the user sees them. */
	private static String campaignScope(CurrentUser user, PlanningScope.Body region) {
		return Scopes.prefix(user.covers(region.path()) ? region.path() : user.scopePath());
	}

	private static CampaignView campaign(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new CampaignView(rs.getLong("id"), rs.getInt("year"), rs.getString("title_kk"), rs.getString("title_ru"),
				rs.getObject("opens_on", LocalDate.class), rs.getObject("deadline", LocalDate.class), rs.getString("note"),
				rs.getInt("organizations"), rs.getInt("answered"), rs.getInt("version"));
	}

	@Override
	@Transactional(readOnly = true)
	public CampaignAnswers campaign(CurrentUser user, long id) {
		PlanningScope.Body region = scope.readableRegion(user);
		String scopePath = campaignScope(user, region);
		CampaignView campaign = jdbc.sql(CAMPAIGN_SELECT + " where c.id = :id and c.org_unit_id = :unit")
			.param("id", id)
			.param("unit", region.id())
			.param("scope", scopePath)
			.query((rs, n) -> campaign(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("campaign " + id));
		Map<Long, CampaignAnswers.District> districts = new LinkedHashMap<>();
		jdbc.sql("""
				select o.id, o.name_kk, o.name_ru, d.id as d_id, d.name_kk as d_kk, d.name_ru as d_ru,
				       count(r.id) as requests, max(r.created_at) as last_at
				from organizations_v_unit o
				join organizations_v_unit d on d.id = o.parent_id
				left join topic_request r on r.organization_id = o.id and r.year = :year
				where o.level = 'PRIMARY' and o.active and %s
				group by o.id, o.name_kk, o.name_ru, d.id, d.name_kk, d.name_ru, d.committee_kind
				order by case d.committee_kind when 'CITY' then 0 else 1 end, d.name_kk, o.name_kk
				""".formatted(Scopes.within("o.path", "scope")))
			.param("year", campaign.year())
			.param("scope", scopePath)
			.query(rs -> {
				long districtId = rs.getLong("d_id");
				CampaignAnswers.District district = districts.get(districtId);
				if (district == null) {
					district = new CampaignAnswers.District(districtId, rs.getString("d_kk"), rs.getString("d_ru"),
							new ArrayList<>(), new ArrayList<>());
					districts.put(districtId, district);
				}
				OffsetDateTime last = rs.getObject("last_at", OffsetDateTime.class);
				CampaignAnswers.Organization org = new CampaignAnswers.Organization(rs.getLong("id"),
						rs.getString("name_kk"), rs.getString("name_ru"), rs.getInt("requests"),
						last == null ? null : last.toInstant());
				(org.requests() > 0 ? district.answered() : district.notAnswered()).add(org);
			});
		return new CampaignAnswers(campaign, List.copyOf(districts.values()));
	}

	@Override
	@Transactional(readOnly = true)
	public List<ChairCampaign> openCampaigns(CurrentUser chair) {
		if (!chair.is(Role.CHAIR)) {
			return List.of();
		}
		return jdbc.sql("""
				select c.id, c.year, c.title_kk, c.title_ru, c.opens_on, c.deadline, c.note, c.version,
				       0 as organizations, 0 as answered,
				       exists (select 1 from topic_request r where r.organization_id = org.id and r.year = c.year) as mine
				from request_campaign c
				join organizations_v_unit u on u.id = c.org_unit_id
				join organizations_v_unit org on org.id = :org and %s
				where c.opens_on <= :today and c.deadline >= :today
				order by c.deadline
				""".formatted(Scopes.under("org.path", "u.path")))
			.param("org", chair.scopeUnitId())
			.param("today", LocalDate.now(clock))
			.query((rs, n) -> new ChairCampaign(campaign(rs), rs.getBoolean("mine")))
			.list();
	}

	@Override
	@Transactional
	public long openCampaign(CurrentUser user, CampaignCommand command) {
		PlanningScope.Body region = scope.writableRegion(user);
		checkCampaign(command);
		if (campaigns.existsByUnitIdAndYearAndIdNot(region.id(), command.year(), -1L)) {
			throw new BusinessRuleException("year", "requests.error.campaignExists", command.year());
		}
		RequestCampaign campaign = new RequestCampaign(region.id());
		campaign.describe(command, user.username());
		try {
			return campaigns.saveAndFlush(campaign).getId();
		}
		catch (DataIntegrityViolationException ex) {
			throw new BusinessRuleException("year", "requests.error.campaignExists", command.year());
		}
	}

	@Override
	@Transactional
	public void updateCampaign(CurrentUser user, long id, int version, CampaignCommand command) {
		PlanningScope.Body region = scope.writableRegion(user);
		RequestCampaign campaign = campaigns.findById(id).filter(c -> c.getUnitId() == region.id())
			.orElseThrow(() -> new NotFoundException("campaign " + id));
		if (campaign.getVersion() != version) {
			throw new ConflictException("campaign " + id);
		}
		checkCampaign(command);
		if (campaigns.existsByUnitIdAndYearAndIdNot(region.id(), command.year(), id)) {
			throw new BusinessRuleException("year", "requests.error.campaignExists", command.year());
		}
		campaign.describe(command, user.username());
		try {
			campaigns.saveAndFlush(campaign);
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			throw new ConflictException("campaign " + id);
		}
	}

	private void checkCampaign(CampaignCommand c) {
		int thisYear = LocalDate.now(clock).getYear();
		if (c.year() == null || c.year() < 2000 || c.year() > thisYear + 2) {
			throw new BusinessRuleException("year", "requests.error.campaignYear", thisYear + 2);
		}
		if (c.titleKk() == null || c.titleKk().isBlank()) {
			throw new BusinessRuleException("titleKk", "validation.required");
		}
		if (c.titleKk().strip().length() > 300 || (c.titleRu() != null && c.titleRu().strip().length() > 300)) {
			throw new BusinessRuleException(c.titleKk().strip().length() > 300 ? "titleKk" : "titleRu", "validation.tooLong");
		}
		if (c.opensOn() == null) {
			throw new BusinessRuleException("opensOn", "validation.required");
		}
		if (c.deadline() == null) {
			throw new BusinessRuleException("deadline", "validation.required");
		}
		if (c.deadline().isBefore(c.opensOn())) {
			throw new BusinessRuleException("deadline", "requests.error.deadline");
		}
		if (c.note() != null && c.note().strip().length() > 2000) {
			throw new BusinessRuleException("note", "validation.tooLong");
		}
	}
}
