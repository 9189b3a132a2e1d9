package kz.oqytu.staffreport;

import java.time.LocalDate;
import java.util.List;

/**
 * The resolution (қаулы / постановление) drafted from an approved staff report of a body, report year
 * and language (decision 0049): its title, the preamble, the items and sub-items with their owners and
 * deadlines, each keeping the finding it comes from, and who controls its execution. Item 1 ("take the
 * report into account") and the last item (control) are the resolution's frame and are printed around
 * the items; the signature block (the signer's title and name, as resolution No. 9 ends: "Председатель …
 * А. Мукашева") closes it; {@code adoption} is set once it became a resolution of the resolutions module, and
 * then it is frozen.
 */
public record ResolutionDraft(long id, long unitId, int year, String language, int reportVersion, String title,
		String preamble, String controlBy, String signerTitle, String signerName, List<Item> items, Adoption adoption,
		int version) {

	public boolean frozen() {
		return adoption != null;
	}

	/** The number of the control item, after the generated ones. */
	public int controlNumber() {
		return (int) items.stream().filter(i -> i.level() == 1).count() + FIRST_ITEM;
	}

	/**
	 * Whether the item at {@code index} becomes a task of the adopted resolution: a sub-item, or an item
	 * without sub-items; it then needs an owner and a deadline. An item with sub-items is their heading.
	 */
	public boolean becomesTask(int index) {
		return items.get(index).sub() || index + 1 >= items.size() || !items.get(index + 1).sub();
	}

	/** Generated items are numbered from 2: item 1 takes the report into account, as in resolution No. 9. */
	public static final int FIRST_ITEM = 2;

	/**
	 * An item ({@code level} 1, numbered "2") or a sub-item (level 2, numbered "2.1"); what it orders, who
	 * does it, by when; the finding it comes from (its key in the report, text and the address of its
	 * figures), null for an item the methodologist wrote.
	 */
	public record Item(long id, int level, String number, String text, String owner, LocalDate deadline,
			String sourceKey, String sourceText, String sourceLink) {

		public boolean sub() {
			return level == 2;
		}
	}

	/** The resolution it became: the resolutions module's id, its number, item and date. */
	public record Adoption(long resolutionId, String number, String item, LocalDate adoptedOn, String adoptedBy) {
	}
}
