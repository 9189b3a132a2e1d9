package kz.oqytu.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import kz.oqytu.accounts.CurrentUser;

/**
 * Approving the annual coverage report: the executive committee's decision recorded by the
 * methodologist or an administrator freezes its figures; the approved version reproduces identically
 * later and the live report lists what changed since.
 */
public interface ReportApprovals {

	/** Freezes the current figures of the user's region for the year. One approval per region and year. */
	ApprovedReport approve(CurrentUser user, int year, LocalDate approvedOn, String protocol, String approvedBy);

	Optional<ApprovedReport> approved(CurrentUser user, int year);

	/** Table figures that differ between the approved and the live report (empty when nothing changed). */
	List<ReportDifference> differences(CurrentUser user, int year, Locale locale);

	byte[] approvedWorkbook(CurrentUser user, int year, Locale locale);

	byte[] approvedPdf(CurrentUser user, int year, Locale locale);
}
