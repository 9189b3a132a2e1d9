package kz.oqytu.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import kz.oqytu.accounts.CurrentUser;

/**
 * The budget module's API: each union body's yearly budget and the check of its training share
 * against the norm.
 *
 * <p>The first three methods are for other modules (the annual reports) and take no user: the
 * caller has already decided the reader may see the body. The others act for a signed-in user and
 * stay inside their scope ({@link org.springframework.security.access.AccessDeniedException}
 * outside it); writes need ADMIN or METHODOLOGIST, norms need ADMIN.
 */
public interface Budgets {

	/**
	 * The body's training share for a year against the norm in force that year; empty when no budget
	 * is recorded for that body and year. Example: the Aktobe region (unit 2) gives 8% BELOW for 2025
	 * and 10% MEETS for 2026.
	 */
	Optional<BudgetShare> share(long unitId, int year);

	/** The body's shares for every year it has a budget, oldest first. */
	List<BudgetShare> shares(long unitId);

	/** The norm in force for budgets of the year (the seeded norm: 10% from 01.01.2000). */
	TrainingNorm norm(int year);

	/** Years with a budget in the user's scope, with this year and the next, newest first. */
	List<Integer> years(CurrentUser user);

	/** Every body in the user's scope for a year: the region, its committees, primary organizations with a budget. */
	BudgetOverview overview(CurrentUser user, BudgetCriteria criteria);

	/** The overview as an Excel workbook, headed in the given language. */
	byte[] overviewWorkbook(CurrentUser user, BudgetCriteria criteria, Locale locale);

	/**
	 * A body's budgets. Staff read bodies in their scope; a chair reads only their own organization,
	 * and only when it has a budget.
	 */
	BudgetBody body(CurrentUser user, long unitId);

	/**
	 * Records or replaces a body's budget for a year. {@code version} is null for a new budget and
	 * the version read for an existing one; a stale version is a {@link kz.oqytu.shared.ConflictException}.
	 * Rule violations are a {@link BudgetRuleException} naming the fields; nothing is saved then.
	 */
	void save(CurrentUser user, long unitId, int year, Integer version, BudgetCommand command);

	void delete(CurrentUser user, long unitId, int year, int version);

	/** Every norm, earliest first. */
	List<TrainingNorm> norms();

	long addNorm(CurrentUser user, BigDecimal share, LocalDate effectiveFrom);

	void updateNorm(CurrentUser user, long id, int version, BigDecimal share, LocalDate effectiveFrom);

	/** The first and last years a budget can be recorded for (2000 to next year). */
	static int firstYear() {
		return 2000;
	}

	static int lastYear(java.time.Clock clock) {
		return LocalDate.now(clock).getYear() + 1;
	}
}
