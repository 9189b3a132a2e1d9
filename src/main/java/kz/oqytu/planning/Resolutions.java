package kz.oqytu.planning;

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
}
