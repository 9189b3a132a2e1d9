package kz.oqytu.budget;

import java.util.List;

import kz.oqytu.shared.BusinessRuleException;

/**
 * A budget broke one or more of its rules (a negative amount, training above the expenditure, a
 * missing total...). The first violation is this exception itself; {@link #violations()} holds all
 * of them, so a form can show every error next to its field at once.
 */
public class BudgetRuleException extends BusinessRuleException {

	private final transient List<BusinessRuleException> violations;

	public BudgetRuleException(List<BusinessRuleException> violations) {
		super(violations.get(0).field(), violations.get(0).messageKey(), violations.get(0).arguments());
		this.violations = List.copyOf(violations);
	}

	public List<BusinessRuleException> violations() {
		return violations;
	}
}
