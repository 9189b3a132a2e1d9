package kz.oqytu.plans;

import java.util.List;
import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/**
 * One item of a plan with its execution. {@code month} or {@code quarter} (or neither: during the
 * year); {@code correction} is the review note of last year's item it was copied from; {@code reasonKk},
 * {@code reasonRu} say why an item drafted from the coverage gap ({@code drafted}) is there.
 */
public record PlanItemView(long id, int year, int position, String titleKk, String titleRu, List<String> topicCodes,
		String formCode, Integer month, Integer quarter, List<String> categoryCodes, List<TargetUnit> targets,
		Integer plannedParticipants, String responsible, String notes, boolean carryOver, String reviewNote,
		String correction, ItemExecution execution, int version, String reasonKk, String reasonRu, boolean drafted) {

	public String title(Locale locale) {
		return LocalizedText.pick(locale, titleKk, titleRu);
	}

	/** Why the item is in the plan when it was drafted from the coverage gap (decision 0050); null otherwise. */
	public String reason(Locale locale) {
		return reasonKk == null && reasonRu == null ? null : LocalizedText.pick(locale, reasonKk, reasonRu);
	}

	/** "month", "quarter" or "year": which kind of period the item is planned for. */
	public String periodKey() {
		return month != null ? "month" : quarter != null ? "quarter" : "year";
	}
}
