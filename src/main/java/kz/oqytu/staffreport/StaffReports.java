package kz.oqytu.staffreport;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import kz.oqytu.accounts.CurrentUser;

/**
 * The staff report of a union body (the user's region, a district or city committee of it, or a region
 * or the country the user's scope covers) for a report year: the approved version when there is one, else the draft generated from
 * the data with the latest saved texts over it. Staff read; ADMIN and METHODOLOGIST save and approve.
 */
public interface StaffReports {

	/** Report years offered: from the oldest training year with events + 1 to the current year + 1. */
	java.util.List<Integer> years(CurrentUser user);

	/** The report year by default: the current year (the report on last year's training). */
	int defaultYear();

	StaffReport report(CurrentUser user, Optional<Long> unit, int year, Locale locale);

	/**
	 * The bodies a regional account may pick: its region, then its district and city committees (city
	 * first); a district account: its region and its committee. None for an account at the union's root
	 * (it names a region in the address).
	 */
	java.util.List<kz.oqytu.organizations.UnitOption> bodies(CurrentUser user);

	/**
	 * Saves the editable texts (by block key; blocks not named keep the draft's) as the next version.
	 * Refused once a version of the year and language is approved. Returns the version's number.
	 */
	int saveVersion(CurrentUser user, Optional<Long> unit, int year, Locale locale, Map<String, String> texts);

	/**
	 * Approves a saved version: refused unless the executive committee's approval of the coverage
	 * report of the training year exists, whose snapshot the version is frozen with.
	 */
	void approve(CurrentUser user, Optional<Long> unit, int year, Locale locale, int versionNumber);

	byte[] docx(CurrentUser user, Optional<Long> unit, int year, Locale locale);

	byte[] pdf(CurrentUser user, Optional<Long> unit, int year, Locale locale);
}
