package kz.oqytu.plans.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import kz.oqytu.plans.PlanApproval;

/** A new plan for a year, approved already or not yet. */
record PlanForm(@NotNull(message = "{validation.required}") Integer year,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate approvedOn,
		@Size(max = 50, message = "{validation.tooLong}") String protocolNumber) {

	PlanApproval approval() {
		return new PlanApproval(approvedOn, protocolNumber);
	}
}
