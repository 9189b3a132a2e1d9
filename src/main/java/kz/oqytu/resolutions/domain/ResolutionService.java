package kz.oqytu.resolutions.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.shared.db.Rows;
import kz.oqytu.plans.PlanningScope;
import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.resolutions.LinkKind;
import kz.oqytu.resolutions.ResolutionCommand;
import kz.oqytu.resolutions.ResolutionRow;
import kz.oqytu.resolutions.ResolutionView;
import kz.oqytu.resolutions.Resolutions;
import kz.oqytu.resolutions.TaskCommand;
import kz.oqytu.resolutions.TaskCounts;
import kz.oqytu.resolutions.TaskLink;
import kz.oqytu.resolutions.TaskStatus;
import kz.oqytu.resolutions.TaskView;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.ConflictException;
import kz.oqytu.shared.NotFoundException;
import kz.oqytu.training.EventSummary;
import kz.oqytu.training.TrainingEvents;

@Service
class ResolutionService implements Resolutions {

	static final int MAX_LINKS = 50;

	private static final String TASK_SELECT = """
			select t.id, t.resolution_id, r.number, r.item, r.adopted_on, r.title_kk, r.title_ru, t.position,
			       t.description, t.responsible, t.deadline, t.status, t.execution_notes, t.completed_on, t.version
			from resolution_task t join resolution r on r.id = t.resolution_id
			""";

	private final ResolutionRepository resolutions;

	private final ResolutionTaskRepository tasks;

	private final PlanningScope scope;

	private final TrainingEvents events;

	private final JdbcClient jdbc;

	private final Clock clock;

	ResolutionService(ResolutionRepository resolutions, ResolutionTaskRepository tasks, PlanningScope scope,
			TrainingEvents events, JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.resolutions = resolutions;
		this.tasks = tasks;
		this.scope = scope;
		this.events = events;
		this.jdbc = jdbc;
	}

	// ---- for other modules

	@Override
	@Transactional(readOnly = true)
	public List<TaskView> overdueTasks(CurrentUser user) {
		PlanningScope.Body region = scope.readableRegion(user);
		return loadTasks("r.org_unit_id = :unit and t.status <> 'DONE' and t.deadline < :today",
				"t.deadline, r.adopted_on, t.position", Map.of("unit", region.id(), "today", LocalDate.now(clock)));
	}

	@Override
	@Transactional(readOnly = true)
	public TaskCounts taskCounts(CurrentUser user) {
		PlanningScope.Body region = scope.readableRegion(user);
		return jdbc.sql("""
				select count(*) as total, count(*) filter (where t.status = 'NOT_STARTED') as not_started,
				       count(*) filter (where t.status = 'IN_PROGRESS') as in_progress,
				       count(*) filter (where t.status = 'DONE') as done,
				       count(*) filter (where t.status <> 'DONE' and t.deadline < :today) as overdue
				from resolution_task t join resolution r on r.id = t.resolution_id where r.org_unit_id = :unit
				""")
			.param("unit", region.id())
			.param("today", LocalDate.now(clock))
			.query((rs, n) -> new TaskCounts(rs.getInt("total"), rs.getInt("not_started"), rs.getInt("in_progress"),
					rs.getInt("done"), rs.getInt("overdue")))
			.single();
	}

	@Override
	@Transactional(readOnly = true)
	public List<TaskView> tasksCarriedBy(CurrentUser user, LinkKind kind, long targetId) {
		PlanningScope.Body region = scope.readableRegion(user);
		return loadTasks("""
				r.org_unit_id = :unit and exists (select 1 from resolution_task_link l
				    where l.task_id = t.id and l.kind = :kind and l.target_id = :target)
				""", "r.adopted_on desc, t.position", Map.of("unit", region.id(), "kind", kind.name(), "target", targetId));
	}

	// ---- reading

	@Override
	@Transactional(readOnly = true)
	public List<ResolutionRow> list(CurrentUser user) {
		PlanningScope.Body region = scope.readableRegion(user);
		return jdbc.sql("""
				select r.id, r.adopted_on, r.number, r.item, r.title_kk, r.title_ru, r.control_by, count(t.id) as tasks,
				       count(t.id) filter (where t.status = 'DONE') as tasks_done,
				       count(t.id) filter (where t.status <> 'DONE' and t.deadline < :today) as tasks_overdue
				from resolution r left join resolution_task t on t.resolution_id = r.id
				where r.org_unit_id = :unit
				group by r.id
				order by r.adopted_on desc, r.number desc, r.item desc nulls last
				""")
			.param("unit", region.id())
			.param("today", LocalDate.now(clock))
			.query((rs, n) -> new ResolutionRow(rs.getLong("id"), rs.getObject("adopted_on", LocalDate.class),
					rs.getString("number"), rs.getString("item"), rs.getString("title_kk"), rs.getString("title_ru"),
					rs.getString("control_by"), rs.getInt("tasks"), rs.getInt("tasks_done"), rs.getInt("tasks_overdue")))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public ResolutionView resolution(CurrentUser user, long id) {
		PlanningScope.Body region = scope.readableRegion(user);
		List<TaskView> list = loadTasks("t.resolution_id = :id", "t.position, t.id", Map.of("id", id));
		return jdbc.sql("""
				select id, adopted_on, number, item, title_kk, title_ru, body, control_by, version
				from resolution where id = :id and org_unit_id = :unit
				""")
			.param("id", id)
			.param("unit", region.id())
			.query((rs, n) -> new ResolutionView(rs.getLong("id"), rs.getObject("adopted_on", LocalDate.class),
					rs.getString("number"), rs.getString("item"), rs.getString("title_kk"), rs.getString("title_ru"),
					rs.getString("body"), rs.getString("control_by"), list, rs.getInt("version")))
			.optional()
			.orElseThrow(() -> new NotFoundException("resolution " + id));
	}

	@Override
	@Transactional(readOnly = true)
	public TaskView task(CurrentUser user, long resolutionId, long taskId) {
		PlanningScope.Body region = scope.readableRegion(user);
		return loadTasks("t.id = :task and t.resolution_id = :resolution and r.org_unit_id = :unit", "t.id",
				Map.of("task", taskId, "resolution", resolutionId, "unit", region.id()))
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("task " + taskId));
	}

	/** Tasks in one statement and all their links, named, in one more. */
	private List<TaskView> loadTasks(String where, String order, Map<String, Object> params) {
		record Raw(long id, long resolutionId, String number, String item, LocalDate adoptedOn, String titleKk,
				String titleRu, int position, String description, String responsible, LocalDate deadline,
				TaskStatus status, String notes, LocalDate completedOn, int version) {
		}
		List<Raw> raws = jdbc.sql(TASK_SELECT + " where " + where + " order by " + order)
			.params(params)
			.query((rs, n) -> new Raw(rs.getLong("id"), rs.getLong("resolution_id"), rs.getString("number"),
					rs.getString("item"), rs.getObject("adopted_on", LocalDate.class), rs.getString("title_kk"),
					rs.getString("title_ru"), rs.getInt("position"), rs.getString("description"),
					rs.getString("responsible"), rs.getObject("deadline", LocalDate.class),
					TaskStatus.valueOf(rs.getString("status")), rs.getString("execution_notes"),
					rs.getObject("completed_on", LocalDate.class), rs.getInt("version")))
			.list();
		Map<Long, List<TaskLink>> links = links(raws.stream().map(Raw::id).toList());
		LocalDate today = LocalDate.now(clock);
		return raws.stream()
			.map(r -> new TaskView(r.id(), r.resolutionId(), r.number(), r.item(), r.adoptedOn(), r.titleKk(),
					r.titleRu(), r.position(), r.description(), r.responsible(), r.deadline(), r.status(), r.notes(),
					r.completedOn(), links.getOrDefault(r.id(), List.of()),
					TaskStatus.overdue(r.deadline(), r.status(), today), r.version()))
			.toList();
	}

	private Map<Long, List<TaskLink>> links(Collection<Long> taskIds) {
		Map<Long, List<TaskLink>> result = new HashMap<>();
		if (taskIds.isEmpty()) {
			return result;
		}
		jdbc.sql("""
				select l.task_id, l.kind, l.target_id,
				       case l.kind when 'PLAN_ITEM' then i.position || '. ' || i.title_kk
				                   when 'EVENT' then to_char(e.starts_at, 'DD.MM.YYYY') || ' · ' || e.title_kk end as name_kk,
				       case l.kind when 'PLAN_ITEM' then i.position || '. ' || coalesce(i.title_ru, i.title_kk)
				                   when 'EVENT' then to_char(e.starts_at, 'DD.MM.YYYY') || ' · ' || coalesce(e.title_ru, e.title_kk) end
				           as name_ru,
				       i.year
				from resolution_task_link l
				left join plans_v_item i on l.kind = 'PLAN_ITEM' and i.id = l.target_id
				left join training_v_event e on l.kind = 'EVENT' and e.id = l.target_id
				where l.task_id = any(:ids)
				order by l.task_id, case l.kind when 'PLAN_ITEM' then 0 when 'EVENT' then 1 else 2 end,
				         i.year, i.position, e.starts_at, l.target_id
				""")
			.param("ids", taskIds.toArray(new Long[0]))
			.query(rs -> {
				result.computeIfAbsent(rs.getLong("task_id"), k -> new ArrayList<>())
					.add(new TaskLink(LinkKind.valueOf(rs.getString("kind")), rs.getLong("target_id"),
							rs.getString("name_kk"), rs.getString("name_ru"),
							Rows.intOrNull(rs, "year")));
			});
		return result;
	}

	// ---- writing

	@Override
	@Transactional
	public long create(CurrentUser user, ResolutionCommand command) {
		PlanningScope.Body region = scope.writableRegion(user);
		check(command);
		Resolution resolution = new Resolution(region.id());
		resolution.describe(command, user.username());
		return resolutions.saveAndFlush(resolution).getId();
	}

	@Override
	@Transactional
	public void update(CurrentUser user, long id, int version, ResolutionCommand command) {
		Resolution resolution = writable(user, id);
		if (resolution.getVersion() != version) {
			throw new ConflictException("resolution " + id);
		}
		check(command);
		resolution.describe(command, user.username());
		try {
			resolutions.saveAndFlush(resolution);
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			throw new ConflictException("resolution " + id);
		}
	}

	private Resolution writable(CurrentUser user, long id) {
		PlanningScope.Body region = scope.writableRegion(user);
		return resolutions.findById(id).filter(r -> r.getUnitId() == region.id())
			.orElseThrow(() -> new NotFoundException("resolution " + id));
	}

	private void check(ResolutionCommand c) {
		if (c.adoptedOn() == null) {
			throw new BusinessRuleException("adoptedOn", "validation.required");
		}
		if (c.adoptedOn().isAfter(LocalDate.now(clock)) || c.adoptedOn().getYear() < 2000) {
			throw new BusinessRuleException("adoptedOn", "resolutions.error.date");
		}
		if (c.number() == null || c.number().isBlank()) {
			throw new BusinessRuleException("number", "validation.required");
		}
		if (c.number().strip().length() > 20 || (c.item() != null && c.item().strip().length() > 20)) {
			throw new BusinessRuleException(c.number().strip().length() > 20 ? "number" : "item", "validation.tooLong");
		}
		boolean noKk = c.titleKk() == null || c.titleKk().isBlank();
		boolean noRu = c.titleRu() == null || c.titleRu().isBlank();
		if (noKk && noRu) {
			throw new BusinessRuleException("titleKk", "resolutions.error.titleRequired");
		}
		if ((!noKk && c.titleKk().strip().length() > 500) || (!noRu && c.titleRu().strip().length() > 500)) {
			throw new BusinessRuleException(!noKk && c.titleKk().strip().length() > 500 ? "titleKk" : "titleRu",
					"validation.tooLong");
		}
		if (c.body() != null && c.body().strip().length() > 20_000) {
			throw new BusinessRuleException("body", "validation.tooLong");
		}
		if (c.controlBy() != null && c.controlBy().strip().length() > 300) {
			throw new BusinessRuleException("controlBy", "validation.tooLong");
		}
	}

	@Override
	@Transactional
	public long adopt(CurrentUser user, long unitId, ResolutionCommand command, List<TaskCommand> taskCommands) {
		PlanningScope.Body region = scope.writableRegion(user);
		if (region.id() != unitId) {
			throw new org.springframework.security.access.AccessDeniedException("not the user's region");
		}
		check(command);
		// numbers start again each year: the same number and item in one year is the same resolution
		boolean taken = jdbc.sql("""
				select exists (select 1 from resolution where org_unit_id = :unit and number = :number
				    and coalesce(item, '') = :item and extract(year from adopted_on) = :year)""")
			.param("unit", region.id())
			.param("number", command.number().strip())
			.param("item", command.item() == null ? "" : command.item().strip())
			.param("year", command.adoptedOn().getYear())
			.query(Boolean.class)
			.single();
		if (taken) {
			throw new BusinessRuleException("number", "resolutions.error.duplicate");
		}
		List<Set<TaskLinkRow>> links = new ArrayList<>();
		for (TaskCommand c : taskCommands) {
			links.add(checkTask(user, c));
		}
		Resolution resolution = new Resolution(region.id());
		resolution.describe(command, user.username());
		long id = resolutions.saveAndFlush(resolution).getId();
		for (int i = 0; i < taskCommands.size(); i++) {
			TaskCommand c = taskCommands.get(i);
			ResolutionTask task = new ResolutionTask(id, i + 1);
			task.describe(c.description(), c.responsible(), c.deadline(), c.status(), c.completedOn(),
					c.executionNotes(), links.get(i), user.username(), LocalDate.now(clock));
			tasks.save(task);
		}
		// written now: a failing task fails this call, not the commit of the caller's transaction (the staff
		// report's resolution draft marks itself adopted in it by SQL)
		tasks.flush();
		return id;
	}

	@Override
	@Transactional
	public long addTask(CurrentUser user, long resolutionId, TaskCommand command) {
		Resolution resolution = writable(user, resolutionId);
		Set<TaskLinkRow> links = checkTask(user, command);
		ResolutionTask task = new ResolutionTask(resolution.getId(), tasks.maxPosition(resolution.getId()) + 1);
		task.describe(command.description(), command.responsible(), command.deadline(), command.status(),
				command.completedOn(), command.executionNotes(), links, user.username(), LocalDate.now(clock));
		return tasks.saveAndFlush(task).getId();
	}

	@Override
	@Transactional
	public void updateTask(CurrentUser user, long resolutionId, long taskId, int version, TaskCommand command) {
		ResolutionTask task = writableTask(user, resolutionId, taskId, version);
		Set<TaskLinkRow> links = checkTask(user, command);
		task.describe(command.description(), command.responsible(), command.deadline(), command.status(),
				command.completedOn(), command.executionNotes(), links, user.username(), LocalDate.now(clock));
		try {
			tasks.saveAndFlush(task);
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			throw new ConflictException("task " + taskId);
		}
	}

	@Override
	@Transactional
	public void deleteTask(CurrentUser user, long resolutionId, long taskId, int version) {
		ResolutionTask task = writableTask(user, resolutionId, taskId, version);
		try {
			tasks.delete(task);
			// flushed inside the try: a row changed meanwhile fails here as a conflict, not at commit
			tasks.flush();
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			throw new ConflictException("task " + taskId);
		}
	}

	private ResolutionTask writableTask(CurrentUser user, long resolutionId, long taskId, int version) {
		Resolution resolution = writable(user, resolutionId);
		ResolutionTask task = tasks.findById(taskId).filter(t -> t.getResolutionId() == resolution.getId())
			.orElseThrow(() -> new NotFoundException("task " + taskId));
		if (task.getVersion() != version) {
			throw new ConflictException("task " + taskId);
		}
		return task;
	}

	private Set<TaskLinkRow> checkTask(CurrentUser user, TaskCommand c) {
		if (c.description() == null || c.description().isBlank()) {
			throw new BusinessRuleException("description", "validation.required");
		}
		if (c.description().strip().length() > 2000) {
			throw new BusinessRuleException("description", "validation.tooLong");
		}
		if (c.responsible() != null && c.responsible().strip().length() > 300) {
			throw new BusinessRuleException("responsible", "validation.tooLong");
		}
		if (c.status() == null) {
			throw new BusinessRuleException("status", "validation.required");
		}
		if (c.executionNotes() != null && c.executionNotes().strip().length() > 4000) {
			throw new BusinessRuleException("executionNotes", "validation.tooLong");
		}
		if (c.deadline() != null && (c.deadline().getYear() < 2000 || c.deadline().getYear() > 2100)) {
			throw new BusinessRuleException("deadline", "resolutions.error.deadline");
		}
		if (c.completedOn() != null && (c.completedOn().isAfter(LocalDate.now(clock)) || c.completedOn().getYear() < 2000)) {
			throw new BusinessRuleException("completedOn", "resolutions.error.completedOn");
		}
		Set<Long> items = c.planItemIds() == null ? Set.of() : c.planItemIds();
		Set<Long> eventIds = c.eventIds() == null ? Set.of() : c.eventIds();
		Set<Long> materials = c.materialIds() == null ? Set.of() : c.materialIds();
		if (items.size() > MAX_LINKS || eventIds.size() > MAX_LINKS || materials.size() > MAX_LINKS) {
			throw new BusinessRuleException("materialIds", "resolutions.error.tooManyLinks", MAX_LINKS);
		}
		Set<TaskLinkRow> links = new HashSet<>();
		if (!items.isEmpty()) {
			PlanningScope.Body region = scope.region(user);
			int known = jdbc.sql("select count(*) from plans_v_item i where i.id = any(:ids) and i.org_unit_id = :unit")
				.param("ids", items.toArray(new Long[0]))
				.param("unit", region.id())
				.query(Integer.class)
				.single();
			if (known != items.size()) {
				throw new BusinessRuleException("planItemIds", "resolutions.error.itemUnknown");
			}
			items.forEach(id -> links.add(new TaskLinkRow(LinkKind.PLAN_ITEM, id)));
		}
		if (!eventIds.isEmpty()) {
			Map<Long, EventSummary> found = events.summaries(eventIds);
			for (Long id : eventIds) {
				EventSummary event = found.get(id);
				if (event == null || !user.covers(event.organizerPath())) {
					throw new BusinessRuleException("eventIds", "resolutions.error.eventUnknown");
				}
				links.add(new TaskLinkRow(LinkKind.EVENT, id));
			}
		}
		for (Long id : materials) {
			if (id == null || id <= 0) {
				throw new BusinessRuleException("materialIds", "resolutions.error.materialIds");
			}
			links.add(new TaskLinkRow(LinkKind.MATERIAL, id));
		}
		return links;
	}
}
