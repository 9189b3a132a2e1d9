package kz.oqytu.schoolplans;

import java.time.LocalDate;

/** One item of a school plan; {@code heldOn} and {@code participants} once held. */
public record SchoolPlanItemView(long id, String topic, String topicCode, int month, String formCode,
		Integer plannedParticipants, boolean held, LocalDate heldOn, Integer participants, String notes,
		int version) {
}
