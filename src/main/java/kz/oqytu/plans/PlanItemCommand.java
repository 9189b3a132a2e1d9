package kz.oqytu.plans;

import java.util.Set;

/** Create or change a plan item. {@code position} null puts a new item last and keeps an existing one's. */
public record PlanItemCommand(Integer position, String titleKk, String titleRu, Set<String> topicCodes,
		String formCode, Integer month, Integer quarter, Set<String> categoryCodes, Set<Long> targetUnitIds,
		Integer plannedParticipants, String responsible, String notes) {
}
