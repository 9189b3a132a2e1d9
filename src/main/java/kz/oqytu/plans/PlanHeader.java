package kz.oqytu.plans;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A plan's approval by the executive committee and its year-end review, without the items.
 * {@code carriedCorrections} are the previous year's review corrections this plan started from.
 */
public record PlanHeader(long id, long unitId, int year, LocalDate approvedOn, String protocolNumber,
		String reviewShortcomings, String reviewCorrections, Instant reviewedAt, String reviewedBy,
		Integer copiedFromYear, String carriedCorrections, int version) {

	public boolean approved() {
		return approvedOn != null;
	}

	public boolean reviewed() {
		return reviewedAt != null;
	}
}
