package kz.oqytu.reports;

import java.util.List;
import java.util.Locale;

import kz.oqytu.accounts.CurrentUser;

/**
 * The monitoring of primary organizations the executive committee's resolution asks for: every
 * primary organization in the user's scope, in a bounded number of statements whatever their count.
 */
public interface Monitoring {

	/** The organizations of the year, of one district when given, sorted by district and name. */
	List<MonitoringRow> rows(CurrentUser user, int year, Long districtId, MonitoringFilter filter);

	/** What the year's events in the user's scope leave not recorded by organization. */
	UnrecordedAttendance unrecorded(CurrentUser user, int year);

	/** The same rows as a workbook (numbers as numbers, coverage as percentages). */
	byte[] workbook(CurrentUser user, int year, Long districtId, MonitoringFilter filter, Locale locale);
}
