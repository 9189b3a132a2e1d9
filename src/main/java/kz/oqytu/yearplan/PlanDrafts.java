package kz.oqytu.yearplan;

import java.math.BigDecimal;

import kz.oqytu.accounts.CurrentUser;

/**
 * Drafting a year's regional plan from the coverage gap. Only the region's ADMIN and METHODOLOGIST:
 * anyone else gets an {@link org.springframework.security.access.AccessDeniedException}. A bad target
 * or year is a {@link kz.oqytu.shared.BusinessRuleException} naming the field; nothing is written then.
 */
public interface PlanDrafts {

	/** The target a page opens with: the coverage last reached over a whole year ("keep the level"). */
	BigDecimal defaultTarget(CurrentUser user, int year);

	/** What reaching {@code target} percent in {@code year} takes, and the items it would draft. Writes nothing. */
	PlanDraft preview(CurrentUser user, int year, BigDecimal target);

	/** Puts the preview's items into the year's plan (replacing those drafted before); returns how many. */
	int draft(CurrentUser user, int year, BigDecimal target);

	/** Parses a target typed by a person ("25", "25,5", "25.5"): one decimal at most, above 0 and at most 100. */
	static BigDecimal parseTarget(String text) {
		if (text == null || text.isBlank()) {
			throw new kz.oqytu.shared.BusinessRuleException("target", "plandrafts.error.target");
		}
		try {
			BigDecimal t = new BigDecimal(text.strip().replace(',', '.').replace("%", "").strip());
			if (t.signum() <= 0 || t.compareTo(BigDecimal.valueOf(100)) > 0 || t.stripTrailingZeros().scale() > 1) {
				throw new kz.oqytu.shared.BusinessRuleException("target", "plandrafts.error.target");
			}
			return t.stripTrailingZeros().scale() < 0 ? t.setScale(0) : t.stripTrailingZeros();
		}
		catch (NumberFormatException ex) {
			throw new kz.oqytu.shared.BusinessRuleException("target", "plandrafts.error.target");
		}
	}
}
