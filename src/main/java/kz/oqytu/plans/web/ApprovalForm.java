package kz.oqytu.plans.web;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import kz.oqytu.plans.PlanApproval;
import kz.oqytu.plans.PlanHeader;

/** The executive committee's approval of a plan: meeting date and protocol number. */
record ApprovalForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate approvedOn,
		@Size(max = 50, message = "{validation.tooLong}") String protocolNumber, Integer version) {

	static ApprovalForm of(PlanHeader plan) {
		return new ApprovalForm(plan.approvedOn(), plan.protocolNumber(), plan.version());
	}

	PlanApproval approval() {
		return new PlanApproval(approvedOn, protocolNumber);
	}
}
