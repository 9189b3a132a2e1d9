package kz.oqytu.staffreport;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import kz.oqytu.accounts.CurrentUser;

/**
 * The resolution drafted from the approved staff report (issue #22, part 2; decision 0049). Staff who
 * may read the staff report read the draft; ADMIN and METHODOLOGIST of the region draft, edit and adopt
 * it. The draft is in the report's language (kk or ru); adopting it records a resolution with tasks
 * through {@link kz.oqytu.resolutions.Resolutions}.
 */
public interface ResolutionDrafts {

	/** What the draft page shows: the approved report's version (null: none yet) and the draft (null: none yet). */
	/**
	 * {@code adoptable}: the draft can be adopted into the resolutions Oqytu tracks, which are the
	 * regions' executive committees'; a district committee's draft is edited and downloaded (issue 22).
	 */
	record Page(long unitId, String unitName, int year, String language, Integer approvedVersion, ResolutionDraft draft,
			boolean adoptable) {
	}

	Page page(CurrentUser user, Optional<Long> unit, int year, Locale locale);

	/**
	 * Drafts the resolution from the approved version of the report in the locale's language; refused
	 * unless one is approved; an existing draft is kept (returned as it is). Returns the draft's id.
	 */
	long draft(CurrentUser user, Optional<Long> unit, int year, Locale locale);

	/**
	 * Saves the texts: {@code title}, {@code preamble}, {@code controlBy}, the signature's {@code signerTitle}
	 * and {@code signerName} and, for each item by id,
	 * {@code text_ID}, {@code owner_ID}, {@code deadline_ID} (yyyy-MM-dd). All or nothing; refused with the
	 * field's name when a text is empty or too long or a date is wrong, and once adopted.
	 */
	void save(CurrentUser user, Optional<Long> unit, int year, Locale locale, int version, Map<String, String> fields);

	/**
	 * Removes an item (with its sub-items) or a sub-item. {@code typed}: the page's texts as typed (the fields
	 * of {@link #save}; empty when none came), stored with it, so an edit not yet saved is not lost; the
	 * removed items' own fields are not checked.
	 */
	void remove(CurrentUser user, Optional<Long> unit, int year, Locale locale, int version, Map<String, String> typed,
			long itemId);

	/**
	 * Adds a sub-item at the end of item {@code parentItemId}'s sub-items, or (null) an item at the end,
	 * with a text to replace, the methodical cabinet as owner and the end of the year as deadline.
	 * Returns the new item's id. {@code typed} as for {@link #remove}.
	 */
	long add(CurrentUser user, Optional<Long> unit, int year, Locale locale, int version, Map<String, String> typed,
			Long parentItemId);

	/**
	 * Moves an item (with its sub-items) or a sub-item one place up among its siblings, or down. {@code typed}
	 * as for {@link #remove}.
	 */
	void move(CurrentUser user, Optional<Long> unit, int year, Locale locale, int version, Map<String, String> typed,
			long itemId, boolean up);

	/**
	 * Adopts the draft as resolution No. {@code number} (item {@code item}, optional) of {@code adoptedOn}:
	 * records it with a task for each sub-item (and each item without sub-items) in the resolutions
	 * module and freezes the draft. Refused once adopted. Returns the resolution's id.
	 */
	long adopt(CurrentUser user, Optional<Long> unit, int year, Locale locale, int version, String number, String item,
			String adoptedOn);

	/**
	 * The resolution adopted from the region's staff report of {@code year} (in either language; the
	 * latest if both were), for next year's plan to cite; empty while none is adopted.
	 */
	Optional<ResolutionDraft.Adoption> adopted(CurrentUser user, Optional<Long> unit, int year);

	/** The draft as a Word document (or the adopted resolution's text, once adopted). */
	byte[] docx(CurrentUser user, Optional<Long> unit, int year, Locale locale);
}
