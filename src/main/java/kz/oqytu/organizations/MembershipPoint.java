package kz.oqytu.organizations;

import java.time.LocalDate;

/** Members on a date, with the change from the previous snapshot when there is one. */
public record MembershipPoint(LocalDate asOf, int members, Integer change) {
}
