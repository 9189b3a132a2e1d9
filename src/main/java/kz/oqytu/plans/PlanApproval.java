package kz.oqytu.plans;

import java.time.LocalDate;

/** The executive committee's approval of a plan: meeting date and protocol number, both or neither. */
public record PlanApproval(LocalDate approvedOn, String protocolNumber) {

	public static final PlanApproval NONE = new PlanApproval(null, null);
}
