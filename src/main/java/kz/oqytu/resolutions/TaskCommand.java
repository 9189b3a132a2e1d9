package kz.oqytu.resolutions;

import java.time.LocalDate;
import java.util.Set;

/**
 * Create or change a task with the plan items, events and materials (by id) that carry it out.
 * {@code completedOn} is the day a DONE task was done; null keeps the recorded day, or takes today.
 */
public record TaskCommand(String description, String responsible, LocalDate deadline, TaskStatus status,
		LocalDate completedOn, String executionNotes, Set<Long> planItemIds, Set<Long> eventIds,
		Set<Long> materialIds) {
}
