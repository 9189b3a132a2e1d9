package kz.oqytu.schoolplans.web;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import kz.oqytu.schoolplans.SchoolItemCommand;
import kz.oqytu.schoolplans.SchoolPlanItemView;

/** A school plan item as the chair types it on a phone. */
record SchoolItemForm(
		@NotBlank(message = "{validation.required}") @Size(max = 500, message = "{validation.tooLong}") String topic,
		String topicCode,
		@NotNull(message = "{validation.required}") @Min(value = 1, message = "{plans.error.month}") @Max(value = 12, message = "{plans.error.month}") Integer month,
		@NotBlank(message = "{validation.required}") String formCode,
		@Min(value = 0, message = "{plans.error.participants}") @Max(value = 100000, message = "{plans.error.participants}") Integer plannedParticipants,
		Boolean held,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
		@Min(value = 0, message = "{plans.error.participants}") @Max(value = 100000, message = "{plans.error.participants}") Integer participants,
		@Size(max = 1000, message = "{validation.tooLong}") String notes,
		Integer version) {

	static SchoolItemForm empty(LocalDate today) {
		return new SchoolItemForm(null, null, today.getMonthValue(), "SEMINAR_MEETING", null, false, null, null,
				null, null);
	}

	static SchoolItemForm of(SchoolPlanItemView item) {
		return new SchoolItemForm(item.topic(), item.topicCode(), item.month(), item.formCode(),
				item.plannedParticipants(), item.held(), item.heldOn(), item.participants(), item.notes(), item.version());
	}

	SchoolItemCommand command() {
		return new SchoolItemCommand(topic, topicCode, month, formCode, plannedParticipants, Boolean.TRUE.equals(held),
				heldOn, participants, notes);
	}
}
