package kz.oqytu.training;

import java.util.Locale;

import kz.oqytu.accounts.CurrentUser;

/**
 * Excel import of an event's named participant list: template, preview with row-numbered errors,
 * and an all-or-nothing commit that reads and validates the file again before writing.
 */
public interface ParticipantImports {

	/** Bilingual headers, an example row, and a sheet of the accepted category names. */
	byte[] template(CurrentUser user);

	/**
	 * Reads the file. Without columns (null or none chosen) they are recognized from the headers
	 * (Kazakh, Russian or English, any order). Suggestions for unknown organizations are named in
	 * the locale's language.
	 */
	ParticipantImportPreview preview(CurrentUser user, long eventId, byte[] content, ParticipantColumns columns,
			Locale locale);

	/**
	 * Only the file's header cells and the columns recognized among them (or the chosen ones), for
	 * the column-mapping step; no data row is read.
	 */
	ParticipantImportPreview readColumns(CurrentUser user, long eventId, byte[] content, ParticipantColumns columns);

	/** Adds every row to the event's list or none; returns the number added. */
	int commit(CurrentUser user, long eventId, byte[] content, ParticipantColumns columns);
}
