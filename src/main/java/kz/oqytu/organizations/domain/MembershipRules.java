package kz.oqytu.organizations.domain;

import java.time.LocalDate;
import java.time.MonthDay;

import kz.oqytu.shared.BusinessRuleException;

/** The union counts members on 1 January; a count is a whole number, never negative. */
final class MembershipRules {

	static final int FIRST_YEAR = 2000;

	private MembershipRules() {
	}

	static void check(LocalDate asOf, Integer members, LocalDate today) {
		if (asOf == null || !MonthDay.from(asOf).equals(MonthDay.of(1, 1)) || asOf.getYear() < FIRST_YEAR
				|| asOf.getYear() > today.getYear() + 1) {
			throw new BusinessRuleException("asOf", "organizations.error.snapshotDate");
		}
		if (members == null || members < 0) {
			throw new BusinessRuleException("members", "organizations.error.membersInvalid");
		}
	}
}
