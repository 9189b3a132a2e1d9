package kz.oqytu.plans.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.shared.db.Rows;
import kz.oqytu.training.CatalogItem;
import kz.oqytu.plans.PlanningScope;
import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.Scopes;
import kz.oqytu.organizations.UnitInfo;
import kz.oqytu.plans.EventPlanLink;
import kz.oqytu.plans.ExecutionStatus;
import kz.oqytu.plans.ItemExecution;
import kz.oqytu.plans.PlanApproval;
import kz.oqytu.plans.PlanDraftItem;
import kz.oqytu.plans.PlanEventLine;
import kz.oqytu.plans.PlanHeader;
import kz.oqytu.plans.PlanItemCommand;
import kz.oqytu.plans.PlanItemDetails;
import kz.oqytu.plans.PlanItemRef;
import kz.oqytu.plans.PlanItemView;
import kz.oqytu.plans.PlanItemsDeleted;
import kz.oqytu.plans.PlanPage;
import kz.oqytu.plans.PlanReview;
import kz.oqytu.plans.PlanSummary;
import kz.oqytu.plans.PlanTotals;
import kz.oqytu.plans.PlannedRequest;
import kz.oqytu.plans.PlannedRequests;
import kz.oqytu.plans.Plans;
import kz.oqytu.plans.TargetUnit;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.ConflictException;
import kz.oqytu.shared.NotFoundException;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.EventSummary;
import kz.oqytu.training.TrainingCatalog;
import kz.oqytu.training.TrainingEvents;

/**
 * The regional plan. Execution is read in SQL over the training module's events and head counts
 * (plan_item_event is this module's own table), one statement per list, see decision 0005.
 */
@Service
class PlanService implements Plans {

	static final int MAX_PARTICIPANTS = 100_000;

	/** An item with its codes (comma lists) and execution; target names are read in one more statement. */
	private static final String ITEM_SELECT = """
			select i.id, p.year, i.position, i.title_kk, i.title_ru, i.form_code, i.month, i.quarter,
			       i.planned_participants, i.responsible, i.notes, i.carry_over, i.review_note, i.correction, i.version,
			       i.reason_kk, i.reason_ru, i.drafted,
			       (select string_agg(t.topic_code, ',' order by tt.sort_order)
			          from plan_item_topic t join training_v_topic tt on tt.code = t.topic_code where t.item_id = i.id) as topics,
			       (select string_agg(c.category_code, ',' order by pc.sort_order)
			          from plan_item_category c join training_v_category pc on pc.code = c.category_code
			         where c.item_id = i.id) as categories,
			       (select string_agg(g.unit_id::text, ',' order by g.unit_id) from plan_item_target g where g.item_id = i.id) as targets,
			       x.held_events, x.scheduled_events, x.actual
			from plan_item i
			join training_plan p on p.id = i.plan_id
			cross join lateral (
			    select count(*) filter (where e.status = 'HELD') as held_events,
			           count(*) filter (where e.status = 'PLANNED') as scheduled_events,
			           coalesce(sum(a.n) filter (where e.status = 'HELD'), 0) as actual
			    from plan_item_event l
			    join training_v_event e on e.id = l.event_id
			    cross join lateral (select coalesce(sum(ac.participants), 0) as n from training_v_attendance ac
			                        where ac.event_id = e.id) a
			    where l.plan_item_id = i.id) x
			""";

	private static final String EVENT_SELECT = """
			select e.id, e.title_kk, e.title_ru, e.form_code, e.starts_at, e.status,
			       (select coalesce(sum(ac.participants), 0) from training_v_attendance ac where ac.event_id = e.id) as participants,
			       l.plan_item_id
			from training_v_event e
			left join plan_item_event l on l.event_id = e.id
			""";

	private final PlanRepository plans;

	private final PlanItemRepository items;

	private final PlanningScope scope;

	private final Organizations organizations;

	private final TrainingEvents events;

	private final TrainingCatalog catalog;

	private final PlanWorkbook workbook;

	/** The topic requests planned in the items: the requests module answers (decision 0056). */
	private final PlannedRequests requests;

	/** Tells the modules that link plan items (resolutions' tasks) that items are deleted. */
	private final ApplicationEventPublisher publisher;

	private final JdbcClient jdbc;

	private final Clock clock;

	PlanService(PlanRepository plans, PlanItemRepository items, PlanningScope scope, Organizations organizations,
			TrainingEvents events, TrainingCatalog catalog, PlanWorkbook workbook, PlannedRequests requests,
			ApplicationEventPublisher publisher, JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.plans = plans;
		this.items = items;
		this.scope = scope;
		this.organizations = organizations;
		this.events = events;
		this.catalog = catalog;
		this.workbook = workbook;
		this.requests = requests;
		this.publisher = publisher;
		this.jdbc = jdbc;
	}

	// ---- for other modules

	@Override
	@Transactional(readOnly = true)
	public Optional<PlanSummary> summary(CurrentUser user, int year) {
		PlanningScope.Body region = scope.readableRegion(user);
		return header(region.id(), year).map(h -> {
			List<PlanItemView> list = loadItems("p.id = :plan", Map.of("plan", h.id()));
			List<PlanEventLine> outside = outsideEvents(h.id(), region.path(), year);
			return new PlanSummary(h, totals(list, outside));
		});
	}

	@Override
	@Transactional(readOnly = true)
	public List<PlanItemView> itemsConcerning(long organizationId, int year) {
		return loadItems("""
				p.year = :year and exists (
				    select 1 from organizations_v_unit org join organizations_v_unit u on u.id = p.org_unit_id
				    where org.id = :org and %s
				      and (not exists (select 1 from plan_item_target g where g.item_id = i.id)
				           or exists (select 1 from plan_item_target g where g.item_id = i.id
				                      and (g.unit_id = org.id or g.unit_id = org.parent_id))))
				""".formatted(Scopes.under("org.path", "u.path")), Map.of("year", year, "org", organizationId));
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, PlanItemRef> itemRefs(Collection<Long> ids) {
		Map<Long, PlanItemRef> result = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return result;
		}
		jdbc.sql("select i.id, p.year, i.position, i.title_kk, i.title_ru from plan_item i"
				+ " join training_plan p on p.id = i.plan_id where i.id = any(:ids) order by p.year, i.position")
			.param("ids", ids.toArray(new Long[0]))
			.query(rs -> {
				result.put(rs.getLong("id"), ref(rs));
			});
		return result;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<PlanItemRef> itemOfEvent(long eventId) {
		return jdbc.sql("select i.id, p.year, i.position, i.title_kk, i.title_ru from plan_item_event l"
				+ " join plan_item i on i.id = l.plan_item_id join training_plan p on p.id = i.plan_id"
				+ " where l.event_id = :event")
			.param("event", eventId)
			.query((rs, n) -> ref(rs))
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, PlanItemRef> itemsOfEvents(Collection<Long> eventIds) {
		Map<Long, PlanItemRef> result = new LinkedHashMap<>();
		if (eventIds.isEmpty()) {
			return result;
		}
		jdbc.sql("select i.id, p.year, i.position, i.title_kk, i.title_ru, l.event_id from plan_item_event l"
				+ " join plan_item i on i.id = l.plan_item_id join training_plan p on p.id = i.plan_id"
				+ " where l.event_id = any(:ids)")
			.param("ids", eventIds.toArray(new Long[0]))
			.query(rs -> {
				result.put(rs.getLong("event_id"), ref(rs));
			});
		return result;
	}

	private static PlanItemRef ref(ResultSet rs) throws SQLException {
		return new PlanItemRef(rs.getLong("id"), rs.getInt("year"), rs.getInt("position"), rs.getString("title_kk"),
				rs.getString("title_ru"));
	}

	// ---- reading

	@Override
	@Transactional(readOnly = true)
	public List<PlanSummary> plans(CurrentUser user) {
		PlanningScope.Body region = scope.readableRegion(user);
		List<PlanHeader> headers = jdbc.sql(HEADER_SELECT + " where p.org_unit_id = :unit order by p.year desc")
			.param("unit", region.id())
			.query(PlanService::header)
			.list();
		if (headers.isEmpty()) {
			return List.of();
		}
		Map<Integer, List<PlanItemView>> byYear = new HashMap<>();
		for (PlanItemView item : loadItems("p.org_unit_id = :unit", Map.of("unit", region.id()))) {
			byYear.computeIfAbsent(item.year(), y -> new ArrayList<>()).add(item);
		}
		Map<Integer, long[]> outside = new HashMap<>();
		jdbc.sql("""
				select extract(year from e.starts_at)::int as y, count(*) as events, coalesce(sum(a.n), 0) as participants
				from training_v_event e
				join organizations_v_unit o on o.id = e.organizer_unit_id
				cross join lateral (select coalesce(sum(ac.participants), 0) as n from training_v_attendance ac
				                    where ac.event_id = e.id) a
				where e.status = 'HELD' and %s
				  and extract(year from e.starts_at)::int = any(:years)
				  and not exists (select 1 from plan_item_event l join plan_item i on i.id = l.plan_item_id
				                  join training_plan p on p.id = i.plan_id
				                  where l.event_id = e.id and p.org_unit_id = :unit)
				group by y
				""".formatted(Scopes.within("o.path", "scope")))
			.param("scope", Scopes.prefix(region.path()))
			.param("unit", region.id())
			.param("years", headers.stream().map(PlanHeader::year).toArray(Integer[]::new))
			.query(rs -> {
				outside.put(rs.getInt("y"), new long[] { rs.getLong("events"), rs.getLong("participants") });
			});
		return headers.stream().map(h -> {
			long[] o = outside.getOrDefault(h.year(), new long[2]);
			return new PlanSummary(h, totals(byYear.getOrDefault(h.year(), List.of()), (int) o[0], o[1]));
		}).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<PlanPage> page(CurrentUser user, int year) {
		PlanningScope.Body region = scope.readableRegion(user);
		return header(region.id(), year).map(h -> {
			List<PlanItemView> list = loadItems("p.id = :plan", Map.of("plan", h.id()));
			List<PlanEventLine> outside = outsideEvents(h.id(), region.path(), year);
			return new PlanPage(h, list, outside, totals(list, outside), plans.existsByUnitIdAndYear(region.id(), year + 1));
		});
	}

	@Override
	@Transactional(readOnly = true)
	public List<PlanItemRef> itemOptions(CurrentUser user, int year) {
		PlanningScope.Body region = scope.readableRegion(user);
		return jdbc.sql("select i.id, p.year, i.position, i.title_kk, i.title_ru from plan_item i"
				+ " join training_plan p on p.id = i.plan_id where p.org_unit_id = :unit and p.year = :year"
				+ " order by i.position, i.id")
			.param("unit", region.id())
			.param("year", year)
			.query((rs, n) -> ref(rs))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public PlanItemDetails item(CurrentUser user, int year, long itemId) {
		PlanningScope.Body region = scope.readableRegion(user);
		PlanHeader plan = header(region.id(), year).orElseThrow(() -> new NotFoundException("plan " + year));
		PlanItemView item = loadItems("p.id = :plan and i.id = :item", Map.of("plan", plan.id(), "item", itemId))
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("plan item " + itemId));
		List<PlanEventLine> linked = jdbc.sql(EVENT_SELECT + " where l.plan_item_id = :item order by e.starts_at, e.id")
			.param("item", itemId)
			.query(PlanService::eventLine)
			.list();
		List<PlannedRequest> answered = requests.plannedIn(itemId);
		return new PlanItemDetails(plan, item, linked, answered);
	}

	private static final String HEADER_SELECT = """
			select p.id, p.org_unit_id, p.year, p.approved_on, p.protocol_number, p.review_shortcomings,
			       p.review_corrections, p.reviewed_at, p.reviewed_by, f.year as copied_from_year,
			       p.carried_corrections, p.version
			from training_plan p left join training_plan f on f.id = p.copied_from_plan_id
			""";

	private Optional<PlanHeader> header(long unitId, int year) {
		return jdbc.sql(HEADER_SELECT + " where p.org_unit_id = :unit and p.year = :year")
			.param("unit", unitId)
			.param("year", year)
			.query(PlanService::header)
			.optional();
	}

	private static PlanHeader header(ResultSet rs, int n) throws SQLException {
		OffsetDateTime reviewed = rs.getObject("reviewed_at", OffsetDateTime.class);
		return new PlanHeader(rs.getLong("id"), rs.getLong("org_unit_id"), rs.getInt("year"),
				rs.getObject("approved_on", LocalDate.class), rs.getString("protocol_number"),
				rs.getString("review_shortcomings"), rs.getString("review_corrections"),
				reviewed == null ? null : reviewed.toInstant(), rs.getString("reviewed_by"),
				(Integer) rs.getObject("copied_from_year"), rs.getString("carried_corrections"), rs.getInt("version"));
	}

	/** Items with execution in one statement, and the names of their targets in one more. */
	List<PlanItemView> loadItems(String where, Map<String, Object> params) {
		record Raw(ResultSetRow row, List<Long> targets) {
		}
		List<Raw> raws = jdbc.sql(ITEM_SELECT + " where " + where + " order by p.year, i.position, i.id")
			.params(params)
			.query((rs, n) -> new Raw(ResultSetRow.of(rs), ids(rs.getString("targets"))))
			.list();
		Set<Long> targetIds = new HashSet<>();
		raws.forEach(r -> targetIds.addAll(r.targets()));
		Map<Long, UnitInfo> units = targetIds.isEmpty() ? Map.of() : organizations.infos(targetIds);
		return raws.stream().map(r -> {
			List<TargetUnit> targets = r.targets().stream()
				.map(units::get)
				.filter(java.util.Objects::nonNull)
				.map(u -> new TargetUnit(u.id(), u.nameKk(), u.nameRu(), u.isCommittee()))
				.sorted(java.util.Comparator.comparing((TargetUnit t) -> !t.committee()).thenComparing(TargetUnit::nameKk, kz.oqytu.shared.NaturalOrder.plain()))
				.toList();
			return r.row().view(targets);
		}).toList();
	}

	/** One item row as read, before its targets are named. */
	private record ResultSetRow(long id, int year, int position, String titleKk, String titleRu, String formCode,
			Integer month, Integer quarter, Integer planned, String responsible, String notes, boolean carryOver,
			String reviewNote, String correction, int version, List<String> topics, List<String> categories,
			int heldEvents, int scheduledEvents, long actual, String reasonKk, String reasonRu, boolean drafted) {

		static ResultSetRow of(ResultSet rs) throws SQLException {
			return new ResultSetRow(rs.getLong("id"), rs.getInt("year"), rs.getInt("position"), rs.getString("title_kk"),
					rs.getString("title_ru"), rs.getString("form_code"), Rows.intOrNull(rs, "month"),
					Rows.intOrNull(rs, "quarter"), Rows.intOrNull(rs, "planned_participants"), rs.getString("responsible"),
					rs.getString("notes"), rs.getBoolean("carry_over"), rs.getString("review_note"),
					rs.getString("correction"), rs.getInt("version"), Rows.codes(rs.getString("topics")),
					Rows.codes(rs.getString("categories")), rs.getInt("held_events"), rs.getInt("scheduled_events"),
					rs.getLong("actual"), rs.getString("reason_kk"), rs.getString("reason_ru"), rs.getBoolean("drafted"));
		}

		PlanItemView view(List<TargetUnit> targets) {
			ItemExecution execution = new ItemExecution(ExecutionStatus.judge(heldEvents, actual, planned), heldEvents,
					scheduledEvents, actual);
			return new PlanItemView(id, year, position, titleKk, titleRu, topics, formCode, month, quarter, categories,
					targets, planned, responsible, notes, carryOver, reviewNote, correction, execution, version, reasonKk,
					reasonRu, drafted);
		}
	}

	private static List<Long> ids(String list) {
		return Rows.codes(list).stream().map(Long::valueOf).toList();
	}

	private List<PlanEventLine> outsideEvents(long planId, String scopePath, int year) {
		return jdbc.sql(EVENT_SELECT + """
				join organizations_v_unit o on o.id = e.organizer_unit_id
				where e.status = 'HELD' and %s and e.starts_at >= :from and e.starts_at < :to
				  and not exists (select 1 from plan_item_event x join plan_item i on i.id = x.plan_item_id
				                  where x.event_id = e.id and i.plan_id = :plan)
				order by e.starts_at, e.id
				""".formatted(Scopes.within("o.path", "scope")))
			.param("scope", Scopes.prefix(scopePath))
			.param("from", LocalDate.of(year, 1, 1).atStartOfDay())
			.param("to", LocalDate.of(year + 1, 1, 1).atStartOfDay())
			.param("plan", planId)
			.query(PlanService::eventLine)
			.list();
	}

	private static PlanEventLine eventLine(ResultSet rs, int n) throws SQLException {
		Object item = rs.getObject("plan_item_id");
		return new PlanEventLine(rs.getLong("id"), rs.getString("title_kk"), rs.getString("title_ru"),
				rs.getString("form_code"), rs.getTimestamp("starts_at").toLocalDateTime(),
				EventStatus.valueOf(rs.getString("status")), rs.getLong("participants"),
				item == null ? null : ((Number) item).longValue());
	}

	static PlanTotals totals(List<PlanItemView> list, List<PlanEventLine> outside) {
		return totals(list, outside.size(), outside.stream().mapToLong(PlanEventLine::participants).sum());
	}

	static PlanTotals totals(List<PlanItemView> list, int outsideEvents, long outsideParticipants) {
		int held = 0;
		int partly = 0;
		int notHeld = 0;
		long planned = 0;
		long actual = 0;
		for (PlanItemView item : list) {
			switch (item.execution().status()) {
				case HELD -> held++;
				case PARTLY -> partly++;
				case NOT_HELD -> notHeld++;
			}
			planned += item.plannedParticipants() == null ? 0 : item.plannedParticipants();
			actual += item.execution().actualParticipants();
		}
		return new PlanTotals(list.size(), held, partly, notHeld, planned, actual, outsideEvents, outsideParticipants);
	}

	// ---- writing

	@Override
	@Transactional
	public long create(CurrentUser user, int year, PlanApproval approval) {
		PlanningScope.Body region = scope.writableRegion(user);
		if (!Plans.validYear(year, LocalDate.now(clock))) {
			throw new BusinessRuleException("year", "plans.error.year", LocalDate.now(clock).getYear() + 1);
		}
		if (plans.existsByUnitIdAndYear(region.id(), year)) {
			throw new BusinessRuleException("year", "plans.error.exists", year);
		}
		PlanApproval a = checkedApproval(approval, year);
		Plan plan = new Plan(region.id(), year, user.username());
		plan.approve(a.approvedOn(), a.protocolNumber(), user.username());
		try {
			return plans.saveAndFlush(plan).getId();
		}
		catch (DataIntegrityViolationException ex) {
			throw new BusinessRuleException("year", "plans.error.exists", year);
		}
	}

	@Override
	@Transactional
	public void approve(CurrentUser user, int year, int version, PlanApproval approval) {
		Plan plan = writablePlan(user, year, version);
		PlanApproval a = checkedApproval(approval, year);
		plan.approve(a.approvedOn(), a.protocolNumber(), user.username());
		flush(plan);
	}

	private PlanApproval checkedApproval(PlanApproval approval, int year) {
		if (approval == null) {
			return PlanApproval.NONE;
		}
		String number = Rows.blankToNull(approval.protocolNumber());
		LocalDate date = approval.approvedOn();
		if (date == null && number == null) {
			return PlanApproval.NONE;
		}
		if (date == null) {
			throw new BusinessRuleException("approvedOn", "plans.error.approvalWhole");
		}
		if (number == null) {
			throw new BusinessRuleException("protocolNumber", "plans.error.approvalWhole");
		}
		if (number.length() > 50) {
			throw new BusinessRuleException("protocolNumber", "validation.tooLong");
		}
		if (date.isAfter(LocalDate.now(clock))) {
			throw new BusinessRuleException("approvedOn", "plans.error.approvalFuture");
		}
		if (date.getYear() < year - 1 || date.getYear() > year) {
			throw new BusinessRuleException("approvedOn", "plans.error.approvalDate", year - 1, year);
		}
		return new PlanApproval(date, number);
	}

	@Override
	@Transactional
	public long addItem(CurrentUser user, int year, PlanItemCommand command) {
		PlanningScope.Body region = scope.writableRegion(user);
		Plan plan = plans.findByUnitIdAndYear(region.id(), year).orElseThrow(() -> new NotFoundException("plan " + year));
		check(command, region);
		int position = command.position() != null ? command.position() : items.maxPosition(plan.getId()) + 1;
		PlanItem item = new PlanItem(plan.getId(), position);
		item.describe(command, position);
		return items.saveAndFlush(item).getId();
	}

	@Override
	@Transactional
	public void updateItem(CurrentUser user, int year, long itemId, int version, PlanItemCommand command) {
		PlanningScope.Body region = scope.writableRegion(user);
		PlanItem item = writableItem(region, year, itemId, version);
		check(command, region);
		item.describe(command, command.position() != null ? command.position() : item.getPosition());
		flush(item);
	}

	@Override
	@Transactional
	public void deleteItem(CurrentUser user, int year, long itemId, int version) {
		PlanningScope.Body region = scope.writableRegion(user);
		PlanItem item = writableItem(region, year, itemId, version);
		int planned = requests.countsPlannedIn(List.of(itemId)).getOrDefault(itemId, 0);
		if (planned > 0) {
			throw new BusinessRuleException("plans.error.itemHasRequests", planned);
		}
		publisher.publishEvent(new PlanItemsDeleted(List.of(itemId)));
		try {
			items.delete(item);
			// flushed inside the try: a row changed meanwhile fails here as a conflict, not at commit
			items.flush();
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			throw new ConflictException("plan item " + itemId);
		}
	}

	private PlanItem writableItem(PlanningScope.Body region, int year, long itemId, int version) {
		Plan plan = plans.findByUnitIdAndYear(region.id(), year).orElseThrow(() -> new NotFoundException("plan " + year));
		PlanItem item = items.findById(itemId)
			.filter(i -> i.getPlanId() == plan.getId())
			.orElseThrow(() -> new NotFoundException("plan item " + itemId));
		if (item.getVersion() != version) {
			throw new ConflictException("plan item " + itemId);
		}
		return item;
	}

	private void check(PlanItemCommand c, PlanningScope.Body region) {
		if (c.titleKk() == null || c.titleKk().isBlank()) {
			throw new BusinessRuleException("titleKk", "validation.required");
		}
		if (c.titleKk().strip().length() > 500 || (c.titleRu() != null && c.titleRu().strip().length() > 500)) {
			throw new BusinessRuleException(c.titleKk().strip().length() > 500 ? "titleKk" : "titleRu", "validation.tooLong");
		}
		if (c.formCode() == null || !CatalogItem.codes(catalog.forms()).contains(c.formCode())) {
			throw new BusinessRuleException("formCode", "plans.error.formUnknown");
		}
		if (c.topicCodes() == null || c.topicCodes().isEmpty()) {
			throw new BusinessRuleException("topicCodes", "plans.error.topicRequired");
		}
		if (!CatalogItem.codes(catalog.topics()).containsAll(c.topicCodes())) {
			throw new BusinessRuleException("topicCodes", "plans.error.topicUnknown");
		}
		if (c.categoryCodes() != null && !c.categoryCodes().isEmpty()) {
			java.util.Set<String> categories = CatalogItem.codes(catalog.categories());
			for (String category : c.categoryCodes()) {
				if (!categories.contains(category)) {
					throw new BusinessRuleException("categoryCodes", "plans.error.categoryUnknown");
				}
			}
		}
		if (c.month() != null && c.quarter() != null) {
			throw new BusinessRuleException("month", "plans.error.monthOrQuarter");
		}
		if (c.month() != null && (c.month() < 1 || c.month() > 12)) {
			throw new BusinessRuleException("month", "plans.error.month");
		}
		if (c.quarter() != null && (c.quarter() < 1 || c.quarter() > 4)) {
			throw new BusinessRuleException("quarter", "plans.error.quarter");
		}
		if (c.position() != null && (c.position() < 1 || c.position() > 999)) {
			throw new BusinessRuleException("position", "plans.error.position");
		}
		if (c.plannedParticipants() != null && (c.plannedParticipants() < 0 || c.plannedParticipants() > MAX_PARTICIPANTS)) {
			throw new BusinessRuleException("plannedParticipants", "plans.error.participants");
		}
		if (c.responsible() != null && c.responsible().strip().length() > 300) {
			throw new BusinessRuleException("responsible", "validation.tooLong");
		}
		if (c.notes() != null && c.notes().strip().length() > 2000) {
			throw new BusinessRuleException("notes", "validation.tooLong");
		}
		if (c.targetUnitIds() != null && !c.targetUnitIds().isEmpty()) {
			Map<Long, UnitInfo> found = organizations.infos(c.targetUnitIds());
			for (Long id : c.targetUnitIds()) {
				UnitInfo unit = found.get(id);
				if (unit == null || !(unit.isCommittee() || unit.isPrimary()) || !unit.path().startsWith(region.path())) {
					throw new BusinessRuleException("targetUnitIds", "plans.error.targetUnknown");
				}
			}
		}
	}

	@Override
	@Transactional
	public void linkEvent(CurrentUser user, long itemId, long eventId) {
		PlanningScope.Body region = scope.writableRegion(user);
		PlanItem item = items.findById(itemId).orElseThrow(() -> new NotFoundException("plan item " + itemId));
		Plan plan = plans.findById(item.getPlanId()).filter(p -> p.getUnitId() == region.id())
			.orElseThrow(() -> new NotFoundException("plan item " + itemId));
		EventSummary event = events.summary(eventId).orElseThrow(() -> new NotFoundException("event " + eventId));
		if (!user.covers(event.organizerPath())) {
			throw new AccessDeniedException("event " + eventId + " is outside the user's scope");
		}
		if (event.startsAt().getYear() != plan.getYear()) {
			throw new BusinessRuleException("eventId", "plans.error.eventYear", plan.getYear());
		}
		if (event.status() == EventStatus.CANCELLED) {
			throw new BusinessRuleException("eventId", "plans.error.eventCancelled");
		}
		Optional<PlanItemRef> current = itemOfEvent(eventId);
		if (current.isPresent()) {
			if (current.get().id() == itemId) {
				return;
			}
			throw new BusinessRuleException("eventId", "plans.error.eventLinked", current.get().position());
		}
		int inserted = jdbc.sql("insert into plan_item_event (event_id, plan_item_id, linked_by) values (:event, :item, :by)"
				+ " on conflict (event_id) do nothing")
			.param("event", eventId)
			.param("item", itemId)
			.param("by", user.username())
			.update();
		if (inserted == 0) {
			throw new ConflictException("event " + eventId + " was linked meanwhile");
		}
	}

	@Override
	@Transactional
	public void unlinkEvent(CurrentUser user, long itemId, long eventId) {
		PlanningScope.Body region = scope.writableRegion(user);
		PlanItem item = items.findById(itemId).orElseThrow(() -> new NotFoundException("plan item " + itemId));
		plans.findById(item.getPlanId()).filter(p -> p.getUnitId() == region.id())
			.orElseThrow(() -> new NotFoundException("plan item " + itemId));
		jdbc.sql("delete from plan_item_event where event_id = :event and plan_item_id = :item")
			.param("event", eventId)
			.param("item", itemId)
			.update();
	}

	@Override
	@Transactional
	public void review(CurrentUser user, int year, int version, PlanReview review) {
		Plan plan = writablePlan(user, year, version);
		String shortcomings = Rows.blankToNull(review.shortcomings());
		String corrections = Rows.blankToNull(review.corrections());
		if (shortcomings != null && shortcomings.length() > 4000) {
			throw new BusinessRuleException("shortcomings", "validation.tooLong");
		}
		if (corrections != null && corrections.length() > 4000) {
			throw new BusinessRuleException("corrections", "validation.tooLong");
		}
		Map<Long, PlanReview.ItemReview> wanted = review.items() == null ? Map.of() : review.items();
		for (PlanItem item : items.findByPlanIdOrderByPositionAscIdAsc(plan.getId())) {
			PlanReview.ItemReview r = wanted.get(item.getId());
			if (r == null) {
				continue;
			}
			if (r.note() != null && r.note().strip().length() > 1000) {
				throw new BusinessRuleException("reviewNote", "validation.tooLong");
			}
			if (item.isCarryOver() != r.carryOver() || !java.util.Objects.equals(item.getReviewNote(), Rows.blankToNull(r.note()))) {
				item.review(r.carryOver(), r.note());
			}
		}
		plan.review(shortcomings, corrections, user.username());
		flush(plan);
		// the items' review marks are in the database before the caller's SQL reads of the plan
		items.flush();
	}

	@Override
	@Transactional
	public int copyToNextYear(CurrentUser user, int year) {
		PlanningScope.Body region = scope.writableRegion(user);
		Plan plan = plans.findByUnitIdAndYear(region.id(), year).orElseThrow(() -> new NotFoundException("plan " + year));
		int next = year + 1;
		if (!Plans.validYear(next, LocalDate.now(clock))) {
			throw new BusinessRuleException("plans.error.year", LocalDate.now(clock).getYear() + 1);
		}
		if (plans.existsByUnitIdAndYear(region.id(), next)) {
			throw new BusinessRuleException("plans.error.exists", next);
		}
		Plan copy;
		try {
			copy = plans.saveAndFlush(plan.nextYear(user.username()));
		}
		catch (DataIntegrityViolationException ex) {
			throw new BusinessRuleException("plans.error.exists", next);
		}
		int position = 0;
		List<PlanItem> copies = new ArrayList<>();
		for (PlanItem item : items.findByPlanIdOrderByPositionAscIdAsc(plan.getId())) {
			if (item.isCarryOver()) {
				copies.add(item.copyInto(copy.getId(), ++position));
			}
		}
		items.saveAllAndFlush(copies);
		return next;
	}

	@Override
	@Transactional
	public int replaceDraftedItems(CurrentUser user, int year, List<PlanDraftItem> drafted) {
		PlanningScope.Body region = scope.writableRegion(user);
		LocalDate today = LocalDate.now(clock);
		if (!Plans.validYear(year, today) || year < today.getYear()) {
			throw new BusinessRuleException("year", "plandrafts.error.year", today.getYear(), today.getYear() + 1);
		}
		// every item is checked before anything is written: a bad one leaves the plan as it was
		drafted.forEach(d -> check(d.command(), region));
		Plan plan = plans.findByUnitIdAndYear(region.id(), year).orElse(null);
		if (plan == null) {
			try {
				plan = plans.saveAndFlush(new Plan(region.id(), year, user.username()));
			}
			catch (DataIntegrityViolationException ex) {
				throw new ConflictException("plan " + year + " was created meanwhile");
			}
		}
		else {
			// two drafts at once wait for each other instead of both replacing the same items
			jdbc.sql("select id from training_plan where id = :id for update").param("id", plan.getId()).query(Long.class).list();
		}
		if (plan.isApproved()) {
			throw new BusinessRuleException("year", "plandrafts.error.approved", year);
		}
		List<PlanItem> current = items.findByPlanIdOrderByPositionAscIdAsc(plan.getId());
		List<PlanItem> old = current.stream().filter(PlanItem::isDrafted).toList();
		if (!old.isEmpty()) {
			Long[] ids = old.stream().map(PlanItem::getId).toArray(Long[]::new);
			Long[] requested = requests.countsPlannedIn(Arrays.asList(ids)).keySet().toArray(Long[]::new);
			Integer busy = jdbc.sql("""
					select min(i.position) from plan_item i
					where i.id = any(:ids)
					  and (exists (select 1 from plan_item_event l where l.plan_item_id = i.id) or i.id = any(:requested))
					""").param("ids", ids).param("requested", requested).query(Integer.class).optional().orElse(null);
			if (busy != null) {
				throw new BusinessRuleException("year", "plandrafts.error.itemInUse", busy);
			}
			publisher.publishEvent(new PlanItemsDeleted(List.of(ids)));
			items.deleteAll(old);
			// Hibernate runs inserts before deletes at a flush: the old drafted rows go first
			items.flush();
		}
		int position = current.stream().filter(i -> !i.isDrafted()).mapToInt(PlanItem::getPosition).max().orElse(0);
		List<PlanItem> added = new ArrayList<>(drafted.size());
		for (PlanDraftItem d : drafted) {
			PlanItem item = new PlanItem(plan.getId(), ++position);
			item.describe(d.command(), position);
			item.drafted(d.reasonKk(), d.reasonRu());
			added.add(item);
		}
		items.saveAllAndFlush(added);
		return added.size();
	}

	@Override
	@Transactional(readOnly = true)
	public byte[] workbook(CurrentUser user, int year, Locale locale) {
		PlanPage page = page(user, year).orElseThrow(() -> new NotFoundException("plan " + year));
		return workbook.write(page, locale);
	}

	@Override
	@Transactional(readOnly = true)
	public EventPlanLink eventLink(CurrentUser user, long eventId) {
		PlanningScope.Body region = scope.readableRegion(user);
		EventSummary event = events.summary(eventId).orElseThrow(() -> new NotFoundException("event " + eventId));
		if (!user.covers(event.organizerPath())) {
			throw new AccessDeniedException("event " + eventId + " is outside the user's scope");
		}
		int year = event.startsAt().getYear();
		boolean exists = plans.existsByUnitIdAndYear(region.id(), year);
		return new EventPlanLink(eventId, year, exists, itemOfEvent(eventId),
				exists ? itemOptions(user, year) : List.of());
	}

	private Plan writablePlan(CurrentUser user, int year, int version) {
		PlanningScope.Body region = scope.writableRegion(user);
		Plan plan = plans.findByUnitIdAndYear(region.id(), year).orElseThrow(() -> new NotFoundException("plan " + year));
		if (plan.getVersion() != version) {
			throw new ConflictException("plan " + year);
		}
		return plan;
	}

	private void flush(Plan plan) {
		try {
			plans.saveAndFlush(plan);
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			throw new ConflictException("plan " + plan.getYear());
		}
	}

	private void flush(PlanItem item) {
		try {
			items.saveAndFlush(item);
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			throw new ConflictException("plan item " + item.getId());
		}
	}
}
