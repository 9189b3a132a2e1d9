package kz.oqytu.schoolplans;

import java.time.LocalDate;

/** Create or change a school plan item; {@code heldOn} and {@code participants} only when held. */
public record SchoolItemCommand(String topic, String topicCode, Integer month, String formCode,
		Integer plannedParticipants, boolean held, LocalDate heldOn, Integer participants, String notes) {
}
