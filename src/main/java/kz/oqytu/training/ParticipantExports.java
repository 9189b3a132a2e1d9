package kz.oqytu.training;

import java.io.OutputStream;
import java.util.Locale;

import kz.oqytu.accounts.CurrentUser;

/** The named participants of the events a filter selects, as a download. */
public interface ParticipantExports {

	/**
	 * Writes an Excel workbook (one row per named participant) straight to {@code out}, streamed: rows
	 * are read with a cursor and flushed to compressed temporary files, so memory stays flat whatever
	 * the row count. Returns the number of rows.
	 */
	long xlsx(CurrentUser user, EventCriteria criteria, Locale locale, OutputStream out);
}
