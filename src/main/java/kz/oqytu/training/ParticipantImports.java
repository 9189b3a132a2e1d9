package kz.oqytu.training;

import java.util.Locale;

import kz.oqytu.accounts.CurrentUser;

/**
 * Excel import of an event's named participant list: template, preview with row-numbered errors,
 * and an all-or-nothing commit that reads and validates the file again before writing.
 */
public interface ParticipantImports {

	/** Bilingual headers and no sample person, a sheet of the accepted category names, and one of the organizations. */
	default byte[] template(CurrentUser user) {
		return template(user, null);
	}

	/**
	 * The template for a district's list: its second sheet lists the district's organizations (all
	 * in the user's scope when null), name and code, and the organization column offers them as a
	 * drop-down.
	 */
	byte[] template(CurrentUser user, Long districtId);

	/**
	 * Reads the file. Without columns (null or none chosen) they are recognized from the headers
	 * (Kazakh, Russian or English, any order). Suggestions for unknown organizations are named in
	 * the locale's language.
	 */
	default ParticipantImportPreview preview(CurrentUser user, long eventId, byte[] content,
			ParticipantColumns columns, Locale locale) {
		return preview(user, eventId, content, columns, ImportDecisions.NONE, locale);
	}

	/**
	 * Reads the file with the user's decisions applied: organizations chosen per spelling, rows left
	 * out. Rows that are not people (blank, total lines, repeated headers) are skipped, not errors.
	 */
	ParticipantImportPreview preview(CurrentUser user, long eventId, byte[] content, ParticipantColumns columns,
			ImportDecisions decisions, Locale locale);

	/**
	 * Only the file's header cells and the columns recognized among them (or the chosen ones), for
	 * the column-mapping step; no data row is read.
	 */
	ParticipantImportPreview readColumns(CurrentUser user, long eventId, byte[] content, ParticipantColumns columns);

	/** Adds every row to the event's list or none; returns the number added. */
	default int commit(CurrentUser user, long eventId, byte[] content, ParticipantColumns columns) {
		return commit(user, eventId, content, columns, ImportDecisions.NONE);
	}

	/**
	 * Adds every row not left out, or none; keeps each chosen organization as an alias of its
	 * spelling and a chosen column mapping for the file's header layout, in the same transaction.
	 */
	int commit(CurrentUser user, long eventId, byte[] content, ParticipantColumns columns, ImportDecisions decisions);
}
