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

	/**
	 * Freezes the current figures of a report for the year: the region asked for (or the user's own
	 * report). One approval per region and year. Who may record which approval: see
	 * {@link #mayApprove(CurrentUser, Optional)}.
	 */
	ApprovedReport approve(CurrentUser user, Optional<Long> region, int year, LocalDate approvedOn, String protocol,
			String approvedBy);

	/**
	 * Issue #17, decision 0033: a regional report's approval is recorded by those who write its
	 * training data (its methodologist, an administrator); the national report's (the union's root)
	 * by the national officer or an administrator at the root. Executives only read.
	 */
	boolean mayApprove(CurrentUser user, Optional<Long> region);

	Optional<ApprovedReport> approved(CurrentUser user, Optional<Long> region, int year);

	/** Table figures that differ between the approved and the live report (empty when nothing changed). */
	List<ReportDifference> differences(CurrentUser user, Optional<Long> region, int year, Locale locale);

	byte[] approvedWorkbook(CurrentUser user, Optional<Long> region, int year, Locale locale);

	byte[] approvedPdf(CurrentUser user, Optional<Long> region, int year, Locale locale);

	/** Of the user's own report. */
	default ApprovedReport approve(CurrentUser user, int year, LocalDate approvedOn, String protocol, String approvedBy) {
		return approve(user, Optional.empty(), year, approvedOn, protocol, approvedBy);
	}

	default Optional<ApprovedReport> approved(CurrentUser user, int year) {
		return approved(user, Optional.empty(), year);
	}

	default List<ReportDifference> differences(CurrentUser user, int year, Locale locale) {
		return differences(user, Optional.empty(), year, locale);
	}

	default byte[] approvedWorkbook(CurrentUser user, int year, Locale locale) {
		return approvedWorkbook(user, Optional.empty(), year, locale);
	}

	default byte[] approvedPdf(CurrentUser user, int year, Locale locale) {
		return approvedPdf(user, Optional.empty(), year, locale);
	}
}
