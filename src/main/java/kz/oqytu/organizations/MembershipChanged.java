package kz.oqytu.organizations;

import java.time.LocalDate;
import java.util.Set;

/**
 * Published inside the writing transaction when members of these units were recorded or changed on
 * these dates (one organization's count, or a membership import).
 */
public record MembershipChanged(Set<Long> unitIds, Set<LocalDate> dates) {
}
