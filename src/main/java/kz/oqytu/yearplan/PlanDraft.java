package kz.oqytu.yearplan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import kz.oqytu.shared.LocalizedText;
import kz.oqytu.shared.Percent;

/**
 * What reaching a target coverage in a plan year takes (decision 0050). {@code needed} people trained
 * in the year = target × {@code members} (the latest snapshot, of {@code membersAsOf}), rounded up;
 * {@code gap} = needed − those trained in the year so far; {@code toDraft} = gap − the planned
 * participants of the plan's items written by hand, which the drafted {@code items} add up to exactly.
 */
public record PlanDraft(int year, BigDecimal target, long members, LocalDate membersAsOf, long needed,
		long trainedSoFar, long gap, long plannedByHand, long toDraft, int lastYear, long lastYearTrained,
		Percent lastYearCoverage, List<Share> byDistrict, List<Share> byCategory, List<FormNeed> byForm, Budget budget,
		List<Item> items, long organizationsLeftOut, boolean longFormats, PlanState plan, int draftedBefore) {

	/** The year's plan as drafting finds it. */
	public enum PlanState {
		NONE, DRAFT, APPROVED
	}

	/** People still to train, of a district or a category; {@code basis} is what they were split by. */
	public record Share(String key, String nameKk, String nameRu, long basis, long people) {

		public String name(Locale locale) {
			return LocalizedText.pick(locale, nameKk, nameRu);
		}
	}

	/** The drafted people of a form, its average attendance over the last two years and the events they take. */
	public record FormNeed(String formCode, long people, BigDecimal averageAttendance, Long events) {
	}

	/**
	 * The cost of training the gap at the cost per person of {@code costYear} against the norm's share of
	 * the plan year's budget; {@code recorded} false when no budget is recorded for the year.
	 */
	public record Budget(boolean recorded, Percent norm, BigDecimal expenditure, BigDecimal normAmount,
			Integer costYear, BigDecimal costPerPerson, BigDecimal estimate) {

		public boolean estimated() {
			return estimate != null;
		}

		public boolean covered() {
			return recorded && estimate != null && normAmount != null && estimate.compareTo(normAmount) <= 0;
		}
	}

	/** A drafted plan item: where, when, what, for whom, how many, and why. */
	public record Item(long districtId, String districtKk, String districtRu, int quarter, String topicCode,
			String formCode, Set<String> categoryCodes, Set<Long> targetUnitIds, int people, Long events,
			String titleKk, String titleRu, String reasonKk, String reasonRu) {

		public String title(Locale locale) {
			return LocalizedText.pick(locale, titleKk, titleRu);
		}

		public String reason(Locale locale) {
			return LocalizedText.pick(locale, reasonKk, reasonRu);
		}

		public String district(Locale locale) {
			return LocalizedText.pick(locale, districtKk, districtRu);
		}
	}

	public long draftedPeople() {
		return items.stream().mapToLong(Item::people).sum();
	}
}
