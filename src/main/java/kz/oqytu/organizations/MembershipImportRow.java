package kz.oqytu.organizations;

import java.time.LocalDate;

/** A row of the membership import: members of one organization on 1 January. */
public record MembershipImportRow(long organizationId, LocalDate asOf, int members) {
}
