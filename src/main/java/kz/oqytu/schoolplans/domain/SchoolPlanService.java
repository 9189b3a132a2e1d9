package kz.oqytu.schoolplans.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

import kz.oqytu.shared.db.Rows;
import kz.oqytu.training.CatalogItem;
import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.Role;
import kz.oqytu.organizations.Scopes;
import kz.oqytu.schoolplans.DistrictSchools;
import kz.oqytu.schoolplans.SchoolCriteria;
import kz.oqytu.schoolplans.SchoolItemCommand;
import kz.oqytu.schoolplans.SchoolOverview;
import kz.oqytu.schoolplans.SchoolPlanItemView;
import kz.oqytu.schoolplans.SchoolPlanRow;
import kz.oqytu.schoolplans.SchoolPlanState;
import kz.oqytu.schoolplans.SchoolPlanStatus;
import kz.oqytu.schoolplans.SchoolPlanView;
import kz.oqytu.schoolplans.SchoolPlans;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.ConflictException;
import kz.oqytu.shared.NotFoundException;
import kz.oqytu.training.TrainingCatalog;

@Service
class SchoolPlanService implements SchoolPlans {

	static final int MAX_PARTICIPANTS = 100_000;

	/** Every active primary organization in a subtree with its school plan of a year in figures. */
	private static final String STATES = """
			with s as (
			    select o.id, o.name_kk, o.name_ru, d.id as d_id, d.name_kk as d_kk, d.name_ru as d_ru,
			           case d.committee_kind when 'CITY' then 0 else 1 end as d_order,
			           count(i.id) as items, count(i.id) filter (where i.held) as held,
			           coalesce(sum(i.planned_participants), 0) as planned,
			           coalesce(sum(i.participants) filter (where i.held), 0) as participants
			    from organizations_v_unit o
			    join organizations_v_unit d on d.id = o.parent_id
			    left join school_plan p on p.organization_id = o.id and p.year = :year
			    left join school_plan_item i on i.school_plan_id = p.id
			    where o.level = 'PRIMARY' and o.active and %s
			    group by o.id, o.name_kk, o.name_ru, d.id, d.name_kk, d.name_ru, d.committee_kind
			), t as (
			    select s.*, case when items = 0 then 'NO_PLAN' when held = 0 then 'NOTHING_HELD'
			                     when held >= items then 'ALL_HELD' else 'IN_PROGRESS' end as state
			    from s
			)
			""".formatted(Scopes.within("o.path", "scope"));

	/** A primary organization and its district, for the plan page's heading and the scope check. */
	private record Organization(long id, String nameKk, String nameRu, String path, long districtId, String districtKk,
			String districtRu) {
	}

	private final SchoolPlanRepository plans;

	private final SchoolPlanItemRepository items;

	private final TrainingCatalog catalog;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final kz.oqytu.requests.TopicRequests requests;

	private final kz.oqytu.plans.Plans regionalPlans;

	private final org.springframework.context.MessageSource messages;

	SchoolPlanService(SchoolPlanRepository plans, SchoolPlanItemRepository items, TrainingCatalog catalog,
			JdbcClient jdbc, Clock clock, kz.oqytu.requests.TopicRequests requests, kz.oqytu.plans.Plans regionalPlans,
			org.springframework.context.MessageSource messages) {
		this.requests = requests;
		this.regionalPlans = regionalPlans;
		this.messages = messages;
		this.clock = clock;
		this.plans = plans;
		this.items = items;
		this.catalog = catalog;
		this.jdbc = jdbc;
	}

	// ---- for other modules

	@Override
	@Transactional(readOnly = true)
	public Optional<SchoolPlanView> plan(long organizationId, int year) {
		return organization(organizationId).map(o -> view(o, year)).filter(v -> !v.items().isEmpty());
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, SchoolPlanStatus> statusByOrganization(CurrentUser user, int year) {
		return statusByOrganization(user, year, (Long[]) null);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, SchoolPlanStatus> statusByOrganization(CurrentUser user, int year,
			java.util.Collection<Long> organizationIds) {
		return statusByOrganization(user, year, organizationIds.toArray(new Long[0]));
	}

	@Override
	@Transactional(readOnly = true)
	public java.util.Set<Long> organizationsWithItems(CurrentUser user, int year, boolean held) {
		if (!user.isStaff() && !user.is(Role.CHAIR)) {
			throw new AccessDeniedException("no role");
		}
		return new java.util.HashSet<>(jdbc.sql("""
				select distinct p.organization_id
				from school_plan p
				join school_plan_item i on i.school_plan_id = p.id
				join organizations_v_unit o on o.id = p.organization_id
				where p.year = :year and o.level = 'PRIMARY' and o.active and %s
				  and (i.held or not :held)
				""".formatted(Scopes.within("o.path", "scope")))
			.param("year", year)
			.param("scope", Scopes.prefix(user.scopePath()))
			.param("held", held)
			.query(Long.class)
			.list());
	}

	private Map<Long, SchoolPlanStatus> statusByOrganization(CurrentUser user, int year, Long[] ids) {
		Map<String, Object> params = new HashMap<>();
		params.put("year", year);
		params.put("scope", Scopes.prefix(user.scopePath()));
		if (!user.isStaff() && !user.is(Role.CHAIR)) {
			throw new AccessDeniedException("no role");
		}
		String states = STATES;
		if (ids != null) {
			states = STATES.replace(Scopes.within("o.path", "scope"), Scopes.within("o.path", "scope") + " and o.id = any(:ids)");
			params.put("ids", ids);
		}
		Map<Long, SchoolPlanStatus> result = new LinkedHashMap<>();
		jdbc.sql(states + " select * from t order by d_order, d_kk, name_kk")
			.params(params)
			.query(rs -> {
				SchoolPlanStatus status = status(rs, year);
				result.put(status.organizationId(), status);
			});
		return result;
	}

	private static SchoolPlanStatus status(ResultSet rs, int year) throws SQLException {
		return new SchoolPlanStatus(rs.getLong("id"), year, SchoolPlanState.valueOf(rs.getString("state")),
				rs.getInt("items"), rs.getInt("held"), rs.getLong("planned"), rs.getLong("participants"));
	}

	// ---- pages

	@Override
	@Transactional(readOnly = true)
	public SchoolPlanView page(CurrentUser user, long organizationId, int year) {
		Organization org = readable(user, organizationId);
		return view(org, year);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean canEdit(CurrentUser user, long organizationId) {
		if (user.is(Role.CHAIR)) {
			return user.scopeUnitId() == organizationId;
		}
		return user.is(Role.ADMIN) && organization(organizationId).map(o -> user.covers(o.path())).orElse(false);
	}

	@Override
	@Transactional(readOnly = true)
	public SchoolPlanItemView item(CurrentUser user, long organizationId, int year, long itemId) {
		readable(user, organizationId);
		return itemViews(organizationId, year, itemId).stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("school plan item " + itemId));
	}

	@Override
	@Transactional(readOnly = true)
	public SchoolOverview overview(CurrentUser user, SchoolCriteria c) {
		if (!user.isStaff()) {
			throw new AccessDeniedException("staff only");
		}
		Map<String, Object> params = new HashMap<>();
		params.put("year", c.year());
		params.put("scope", Scopes.prefix(user.scopePath()));
		StringBuilder where = new StringBuilder(" where true");
		if (c.districtId() != null) {
			where.append(" and d_id = :district");
			params.put("district", c.districtId());
		}
		if (c.state() != null) {
			where.append(" and state = :state");
			params.put("state", c.state().name());
		}
		if (c.text() != null) {
			where.append(" and (lower(name_kk) like :text or lower(coalesce(name_ru, '')) like :text)");
			params.put("text", "%" + escapeLike(c.text().toLowerCase(Locale.ROOT)) + "%");
		}
		long total = jdbc.sql(STATES + " select count(*) from t" + where).params(params).query(Long.class).single();
		params.put("limit", c.size());
		params.put("offset", (long) c.page() * c.size());
		List<SchoolPlanRow> rows = jdbc
			.sql(STATES + " select * from t" + where + " order by d_order, d_kk, name_kk, id limit :limit offset :offset")
			.params(params)
			.query((rs, n) -> new SchoolPlanRow(rs.getLong("id"), rs.getString("name_kk"), rs.getString("name_ru"),
					rs.getLong("d_id"), rs.getString("d_kk"), rs.getString("d_ru"), status(rs, c.year())))
			.list();
		List<DistrictSchools> districts = jdbc.sql(STATES + """
				select d_id, d_kk, d_ru, count(*) as organizations, count(*) filter (where state = 'NO_PLAN') as no_plan,
				       count(*) filter (where state = 'NOTHING_HELD') as nothing_held,
				       count(*) filter (where state = 'IN_PROGRESS') as in_progress,
				       count(*) filter (where state = 'ALL_HELD') as all_held
				from t group by d_id, d_kk, d_ru, d_order order by d_order, d_kk
				""")
			.param("year", c.year())
			.param("scope", Scopes.prefix(user.scopePath()))
			.query((rs, n) -> new DistrictSchools(rs.getLong("d_id"), rs.getString("d_kk"), rs.getString("d_ru"),
					rs.getInt("organizations"), rs.getInt("no_plan"), rs.getInt("nothing_held"), rs.getInt("in_progress"),
					rs.getInt("all_held")))
			.list();
		Page<SchoolPlanRow> page = new PageImpl<>(rows, PageRequest.of(c.page(), c.size()), total);
		return new SchoolOverview(c, page, districts);
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private Optional<Organization> organization(long organizationId) {
		return jdbc.sql("""
				select o.id, o.name_kk, o.name_ru, o.path, d.id as district_id, d.name_kk as district_kk,
				       d.name_ru as district_ru
				from organizations_v_unit o join organizations_v_unit d on d.id = o.parent_id
				where o.id = :id and o.level = 'PRIMARY'
				""")
			.param("id", organizationId)
			.query((rs, n) -> new Organization(rs.getLong("id"), rs.getString("name_kk"), rs.getString("name_ru"),
					rs.getString("path"), rs.getLong("district_id"), rs.getString("district_kk"),
					rs.getString("district_ru")))
			.optional();
	}

	private Organization readable(CurrentUser user, long organizationId) {
		if (user.is(Role.CHAIR) && user.scopeUnitId() != organizationId) {
			throw new AccessDeniedException("another organization's school plan");
		}
		Organization org = organization(organizationId)
			.orElseThrow(() -> new NotFoundException("organization " + organizationId));
		if (!user.is(Role.CHAIR) && !user.covers(org.path())) {
			throw new AccessDeniedException("school plan outside the user's scope");
		}
		return org;
	}

	private SchoolPlanView view(Organization org, int year) {
		List<SchoolPlanItemView> list = itemViews(org.id(), year, null);
		int held = (int) list.stream().filter(SchoolPlanItemView::held).count();
		long planned = list.stream().mapToLong(i -> i.plannedParticipants() == null ? 0 : i.plannedParticipants()).sum();
		long participants = list.stream().filter(SchoolPlanItemView::held)
			.mapToLong(i -> i.participants() == null ? 0 : i.participants())
			.sum();
		SchoolPlanStatus status = new SchoolPlanStatus(org.id(), year, SchoolPlanState.of(list.size(), held), list.size(),
				held, planned, participants);
		return new SchoolPlanView(org.id(), org.nameKk(), org.nameRu(), org.districtId(), org.districtKk(),
				org.districtRu(), year, list, status);
	}

	private List<SchoolPlanItemView> itemViews(long organizationId, int year, Long itemId) {
		return jdbc.sql("""
				select i.id, i.topic, i.topic_code, i.month, i.form_code, i.planned_participants, i.held, i.held_on,
				       i.participants, i.notes, i.version
				from school_plan_item i join school_plan p on p.id = i.school_plan_id
				where p.organization_id = :org and p.year = :year and i.id between :from and :to
				order by i.month, i.held_on nulls last, i.id
				""")
			.param("org", organizationId)
			.param("year", year)
			.param("from", itemId == null ? Long.MIN_VALUE : itemId)
			.param("to", itemId == null ? Long.MAX_VALUE : itemId)
			.query((rs, n) -> new SchoolPlanItemView(rs.getLong("id"), rs.getString("topic"), rs.getString("topic_code"),
					rs.getInt("month"), rs.getString("form_code"), Rows.intOrNull(rs, "planned_participants"),
					rs.getBoolean("held"), rs.getObject("held_on", LocalDate.class),
					Rows.intOrNull(rs, "participants"), rs.getString("notes"), rs.getInt("version")))
			.list();
	}

	// ---- writing

	@Override
	@Transactional
	public long addItem(CurrentUser user, long organizationId, int year, SchoolItemCommand command) {
		return add(user, organizationId, year, List.of(command)).get(0).getId();
	}

	@Override
	@Transactional
	public int addItems(CurrentUser user, long organizationId, int year, List<SchoolItemCommand> commands) {
		return add(user, organizationId, year, commands).size();
	}

	private List<SchoolPlanItem> add(CurrentUser user, long organizationId, int year, List<SchoolItemCommand> commands) {
		editable(user, organizationId);
		if (!SchoolPlans.validYear(year, LocalDate.now(clock))) {
			throw new NotFoundException("school plan year " + year);
		}
		Catalog known = catalog();
		commands.forEach(c -> check(c, year, known));
		SchoolPlan plan = plans.findByOrganizationIdAndYear(organizationId, year).orElse(null);
		if (plan == null) {
			try {
				plan = plans.saveAndFlush(new SchoolPlan(organizationId, year, user.username()));
			}
			catch (DataIntegrityViolationException ex) {
				throw new ConflictException("school plan " + organizationId + "/" + year + " was created meanwhile");
			}
		}
		List<SchoolPlanItem> added = new ArrayList<>(commands.size());
		for (SchoolItemCommand command : commands) {
			SchoolPlanItem item = new SchoolPlanItem(plan.getId());
			item.describe(command, user.username());
			added.add(item);
		}
		return items.saveAllAndFlush(added);
	}

	@Override
	@Transactional
	public void updateItem(CurrentUser user, long organizationId, int year, long itemId, int version,
			SchoolItemCommand command) {
		SchoolPlanItem item = writableItem(user, organizationId, year, itemId, version);
		check(command, year, catalog());
		item.describe(command, user.username());
		try {
			items.saveAndFlush(item);
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			throw new ConflictException("school plan item " + itemId);
		}
	}

	@Override
	@Transactional
	public void deleteItem(CurrentUser user, long organizationId, int year, long itemId, int version) {
		SchoolPlanItem item = writableItem(user, organizationId, year, itemId, version);
		try {
			items.delete(item);
			// flushed inside the try: a row changed meanwhile fails here as a conflict, not at commit
			items.flush();
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			throw new ConflictException("school plan item " + itemId);
		}
	}

	@Override
	@Transactional(readOnly = true)
	public boolean canCopyPreviousYear(CurrentUser user, long organizationId, int year) {
		return canEdit(user, organizationId) && SchoolPlans.validYear(year, LocalDate.now(clock))
				&& itemViews(organizationId, year, null).isEmpty() && !itemViews(organizationId, year - 1, null).isEmpty();
	}

	@Override
	@Transactional
	public int copyPreviousYear(CurrentUser user, long organizationId, int year) {
		editable(user, organizationId);
		if (!SchoolPlans.validYear(year, LocalDate.now(clock))) {
			throw new NotFoundException("school plan year " + year);
		}
		// The year's plan row is locked (when it exists) so two copies at once cannot both pass the check.
		plans.findByOrganizationIdAndYear(organizationId, year).ifPresent(p -> jdbc
			.sql("select id from school_plan where id = :id for update").param("id", p.getId()).query(Long.class).list());
		if (!itemViews(organizationId, year, null).isEmpty()) {
			throw new BusinessRuleException("year", "schools.copy.exists", year);
		}
		List<SchoolPlanItemView> previous = itemViews(organizationId, year - 1, null);
		if (previous.isEmpty()) {
			throw new BusinessRuleException("year", "schools.copy.nothing", year - 1);
		}
		Catalog known = catalog();
		List<SchoolItemCommand> commands = previous.stream()
			.map(i -> new SchoolItemCommand(i.topic(),
					i.topicCode() != null && known.topics().contains(i.topicCode()) ? i.topicCode() : null, i.month(),
					i.formCode(), i.plannedParticipants(), false, null, null, i.notes()))
			.toList();
		return add(user, organizationId, year, commands).size();
	}

	@Override
	@Transactional(readOnly = true)
	public boolean canStartFromRequests(CurrentUser user, long organizationId, int year) {
		return canEdit(user, organizationId) && SchoolPlans.validYear(year, LocalDate.now(clock))
				&& itemViews(organizationId, year, null).isEmpty()
				&& !fromRequests(organizationId, year, java.util.Locale.forLanguageTag("kk")).isEmpty();
	}

	@Override
	@Transactional
	public int startFromRequests(CurrentUser user, long organizationId, int year, java.util.Locale locale) {
		editable(user, organizationId);
		if (!SchoolPlans.validYear(year, LocalDate.now(clock))) {
			throw new NotFoundException("school plan year " + year);
		}
		plans.findByOrganizationIdAndYear(organizationId, year).ifPresent(p -> jdbc
			.sql("select id from school_plan where id = :id for update").param("id", p.getId()).query(Long.class).list());
		if (!itemViews(organizationId, year, null).isEmpty()) {
			throw new BusinessRuleException("year", "schools.fromRequests.exists", year);
		}
		List<SchoolItemCommand> commands = fromRequests(organizationId, year, locale);
		if (commands.isEmpty()) {
			throw new BusinessRuleException("year", "schools.fromRequests.nothing", year);
		}
		return add(user, organizationId, year, commands).size();
	}

	/** Months an item without one is put in: the school year's working months, in turn. */
	private static final int[] MONTHS = { 2, 3, 4, 10, 11, 12 };

	/**
	 * The organization's requested topics of the year (each once, declined requests left out), then the
	 * regional plan's items that concern it; a month the request or item does not give is taken in turn.
	 */
	private List<SchoolItemCommand> fromRequests(long organizationId, int year, java.util.Locale locale) {
		Catalog known = catalog();
		List<SchoolItemCommand> commands = new ArrayList<>();
		java.util.Set<String> topicsSeen = new java.util.HashSet<>();
		int turn = 0;
		String requested = messages.getMessage("schools.fromRequests.noteRequest", null, locale);
		for (kz.oqytu.requests.RequestView r : requests.forOrganization(organizationId)) {
			if (r.year() != year || r.status() == kz.oqytu.requests.RequestStatus.DECLINED) {
				continue;
			}
			for (String code : r.topicCodes()) {
				if (!known.topics().contains(code) || !topicsSeen.add(code)) {
					continue;
				}
				String name = catalog.topic(code).map(t -> t.name(locale)).orElse(code);
				String form = r.preferredFormCode() != null && known.forms().contains(r.preferredFormCode())
						? r.preferredFormCode() : "THEMATIC_SEMINAR";
				Integer month = r.preferredMonth() != null ? r.preferredMonth() : MONTHS[turn++ % MONTHS.length];
				String note = r.comment() == null || r.comment().isBlank() ? requested
						: requested + ": " + r.comment().strip();
				commands.add(new SchoolItemCommand(name, code, month, form,
						r.expectedParticipants() > 0 ? r.expectedParticipants() : null, false, null, null,
						note.length() > 1000 ? note.substring(0, 1000) : note));
			}
		}
		for (kz.oqytu.plans.PlanItemView i : regionalPlans.itemsConcerning(organizationId, year)) {
			String title = i.title(locale);
			String code = i.topicCodes().isEmpty() ? null : i.topicCodes().get(0);
			Integer month = i.month() != null ? i.month()
					: i.quarter() != null ? (i.quarter() - 1) * 3 + 2 : MONTHS[turn++ % MONTHS.length];
			commands.add(new SchoolItemCommand(title.length() > 500 ? title.substring(0, 500) : title, code, month,
					i.formCode(), null, false, null, null,
					messages.getMessage("schools.fromRequests.notePlan", new Object[] { i.position() }, locale)));
		}
		return commands;
	}

	private SchoolPlanItem writableItem(CurrentUser user, long organizationId, int year, long itemId, int version) {
		editable(user, organizationId);
		SchoolPlan plan = plans.findByOrganizationIdAndYear(organizationId, year)
			.orElseThrow(() -> new NotFoundException("school plan " + organizationId + "/" + year));
		SchoolPlanItem item = items.findById(itemId)
			.filter(i -> i.getSchoolPlanId() == plan.getId())
			.orElseThrow(() -> new NotFoundException("school plan item " + itemId));
		if (item.getVersion() != version) {
			throw new ConflictException("school plan item " + itemId);
		}
		return item;
	}

	private void editable(CurrentUser user, long organizationId) {
		if (!canEdit(user, organizationId)) {
			throw new AccessDeniedException("the school plan is kept by the organization's chair");
		}
	}

	/** The catalogue's topic and form codes, read once per write. */
	private record Catalog(Set<String> topics, Set<String> forms) {
	}

	private Catalog catalog() {
		return new Catalog(CatalogItem.codes(catalog.topics()), CatalogItem.codes(catalog.forms()));
	}

	private void check(SchoolItemCommand c, int year, Catalog known) {
		if (c.topic() == null || c.topic().isBlank()) {
			throw new BusinessRuleException("topic", "validation.required");
		}
		if (c.topic().strip().length() > 500) {
			throw new BusinessRuleException("topic", "validation.tooLong");
		}
		if (c.topicCode() != null && !c.topicCode().isBlank() && !known.topics().contains(c.topicCode())) {
			throw new BusinessRuleException("topicCode", "plans.error.topicUnknown");
		}
		if (c.month() == null || c.month() < 1 || c.month() > 12) {
			throw new BusinessRuleException("month", "plans.error.month");
		}
		if (c.formCode() == null || !known.forms().contains(c.formCode())) {
			throw new BusinessRuleException("formCode", "plans.error.formUnknown");
		}
		if (c.plannedParticipants() != null && (c.plannedParticipants() < 0 || c.plannedParticipants() > MAX_PARTICIPANTS)) {
			throw new BusinessRuleException("plannedParticipants", "plans.error.participants");
		}
		if (c.notes() != null && c.notes().strip().length() > 1000) {
			throw new BusinessRuleException("notes", "validation.tooLong");
		}
		if (c.held()) {
			if (c.heldOn() == null) {
				throw new BusinessRuleException("heldOn", "schools.error.heldOnRequired");
			}
			if (c.heldOn().getYear() != year) {
				throw new BusinessRuleException("heldOn", "schools.error.heldOnYear", year);
			}
			if (c.heldOn().isAfter(LocalDate.now(clock))) {
				throw new BusinessRuleException("heldOn", "schools.error.heldOnFuture");
			}
			if (c.participants() == null) {
				throw new BusinessRuleException("participants", "schools.error.participantsRequired");
			}
			if (c.participants() < 0 || c.participants() > MAX_PARTICIPANTS) {
				throw new BusinessRuleException("participants", "plans.error.participants");
			}
		}
	}
}
