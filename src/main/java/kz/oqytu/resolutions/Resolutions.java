package kz.oqytu.resolutions;

import java.util.List;

import kz.oqytu.accounts.CurrentUser;

/**
 * Executive-committee resolutions and their tasks. Staff read the resolutions of their region;
 * ADMIN and METHODOLOGIST record them and follow their tasks up. A task is overdue when its
 * deadline has passed and it is not done ({@link TaskStatus#overdue}).
 */
public interface Resolutions {

	// ---- for other modules (monitoring page, materials)

	/** Overdue tasks in the user's region, earliest deadline first. Staff only. */
	List<TaskView> overdueTasks(CurrentUser user);

	TaskCounts taskCounts(CurrentUser user);

	/** Tasks that a plan item, event or material carries out, e.g. for the material's page. Staff only. */
	List<TaskView> tasksCarriedBy(CurrentUser user, LinkKind kind, long targetId);

	// ---- pages

	/** The region's resolutions, newest first. */
	List<ResolutionRow> list(CurrentUser user);

	ResolutionView resolution(CurrentUser user, long id);

	long create(CurrentUser user, ResolutionCommand command);

	void update(CurrentUser user, long id, int version, ResolutionCommand command);

	TaskView task(CurrentUser user, long resolutionId, long taskId);

	long addTask(CurrentUser user, long resolutionId, TaskCommand command);

	void updateTask(CurrentUser user, long resolutionId, long taskId, int version, TaskCommand command);

	void deleteTask(CurrentUser user, long resolutionId, long taskId, int version);

	// ---- for the staff report's resolution draft (issue #22, part 2; decision 0049)

	/**
	 * Records an adopted resolution with its tasks in one transaction: nothing is stored when the
	 * resolution or any task is refused. {@code unitId} is the body the draft was written for; it must be
	 * the user's writable region. Refused as a duplicate when the region already has a resolution of the
	 * same number and item adopted in the same year. Returns the resolution's id.
	 */
	long adopt(CurrentUser user, long unitId, ResolutionCommand command, List<TaskCommand> tasks);
}
