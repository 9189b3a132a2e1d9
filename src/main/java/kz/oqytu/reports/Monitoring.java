package kz.oqytu.reports;

import java.util.List;
import java.util.Locale;

import kz.oqytu.accounts.CurrentUser;

/**
 * The monitoring of primary organizations the executive committee's resolution asks for: every
 * primary organization in the user's scope, in a bounded number of statements whatever their count.
 */
public interface Monitoring {

	/**
	 * The organizations of the year, of one district when given, sorted by district and name: all of
	 * them, for a small scope or a test (a page uses {@link #page}).
	 */
	List<MonitoringRow> rows(CurrentUser user, int year, Long districtId, MonitoringFilter filter);

	/**
	 * One page ({@code page} from 0, {@code size} rows) of the same, cut in SQL, with the headline of
	 * everything the filter selects; a bounded number of statements, none building a row per organization.
	 */
	MonitoringPage page(CurrentUser user, int year, Long districtId, MonitoringFilter filter, int page, int size);

	/** What the year's events in the user's scope leave not recorded by organization. */
	UnrecordedAttendance unrecorded(CurrentUser user, int year);

	/** The same rows as a workbook (numbers as numbers, coverage as percentages). */
	byte[] workbook(CurrentUser user, int year, Long districtId, MonitoringFilter filter, Locale locale);
}
