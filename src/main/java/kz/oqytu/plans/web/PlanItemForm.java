package kz.oqytu.plans.web;

import java.util.HashSet;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import kz.oqytu.plans.PlanItemCommand;
import kz.oqytu.plans.PlanItemView;
import kz.oqytu.plans.TargetUnit;

/**
 * A plan item as typed. The period is one select: "" (during the year), "M1"–"M12" or "Q1"–"Q4";
 * targets are district checkboxes and organizations chosen by search.
 */
record PlanItemForm(
		@Min(value = 1, message = "{plans.error.position}") @Max(value = 999, message = "{plans.error.position}") Integer position,
		@NotBlank(message = "{validation.required}") @Size(max = 500, message = "{validation.tooLong}") String titleKk,
		@Size(max = 500, message = "{validation.tooLong}") String titleRu,
		@NotEmpty(message = "{plans.error.topicRequired}") Set<String> topicCodes,
		@NotBlank(message = "{validation.required}") String formCode,
		@Pattern(regexp = "^(|M([1-9]|1[0-2])|Q[1-4])$", message = "{plans.error.month}") String period,
		Set<String> categoryCodes,
		Set<Long> districtIds,
		Set<Long> organizationIds,
		@Min(value = 0, message = "{plans.error.participants}") @Max(value = 100000, message = "{plans.error.participants}") Integer plannedParticipants,
		@Size(max = 300, message = "{validation.tooLong}") String responsible,
		@Size(max = 2000, message = "{validation.tooLong}") String notes,
		Integer version) {

	static PlanItemForm empty() {
		return new PlanItemForm(null, null, null, Set.of(), "SEMINAR_MEETING", "", Set.of(), Set.of(), Set.of(), null,
				null, null, null);
	}

	static PlanItemForm of(PlanItemView item) {
		Set<Long> districts = new HashSet<>();
		Set<Long> organizations = new HashSet<>();
		for (TargetUnit t : item.targets()) {
			(t.committee() ? districts : organizations).add(t.id());
		}
		String period = item.month() != null ? "M" + item.month() : item.quarter() != null ? "Q" + item.quarter() : "";
		return new PlanItemForm(item.position(), item.titleKk(), item.titleRu(), Set.copyOf(item.topicCodes()),
				item.formCode(), period, Set.copyOf(item.categoryCodes()), districts, organizations,
				item.plannedParticipants(), item.responsible(), item.notes(), item.version());
	}

	PlanItemCommand command() {
		Integer month = period != null && period.startsWith("M") ? Integer.valueOf(period.substring(1)) : null;
		Integer quarter = period != null && period.startsWith("Q") ? Integer.valueOf(period.substring(1)) : null;
		Set<Long> targets = new HashSet<>();
		if (districtIds != null) {
			targets.addAll(districtIds);
		}
		if (organizationIds != null) {
			targets.addAll(organizationIds);
		}
		return new PlanItemCommand(position, titleKk, titleRu, topicCodes == null ? Set.of() : topicCodes, formCode,
				month, quarter, categoryCodes == null ? Set.of() : categoryCodes, targets, plannedParticipants,
				responsible, notes);
	}
}
