package kz.oqytu.resolutions;

import java.time.LocalDate;

/** How far a resolution's task is carried out. */
public enum TaskStatus {

	NOT_STARTED, IN_PROGRESS, DONE;

	/** A task is overdue when its deadline has passed and it is not done. */
	public static boolean overdue(LocalDate deadline, TaskStatus status, LocalDate today) {
		return deadline != null && status != DONE && deadline.isBefore(today);
	}
}
