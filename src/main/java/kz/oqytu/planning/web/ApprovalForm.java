package kz.oqytu.planning.web;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import kz.oqytu.planning.PlanApproval;
import kz.oqytu.planning.PlanHeader;

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
