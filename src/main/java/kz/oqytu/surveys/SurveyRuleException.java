package kz.oqytu.surveys;

import java.util.List;

import kz.oqytu.shared.BusinessRuleException;

/**
 * A questionnaire or an interview broke one or more rules. The first violation is this exception
 * itself; {@link #violations()} holds all of them, each naming its field ({@code questions[2].textRu}),
 * so a form shows every error next to its field at once.
 */
public class SurveyRuleException extends BusinessRuleException {

	private final transient List<BusinessRuleException> violations;

	public SurveyRuleException(List<BusinessRuleException> violations) {
		super(violations.get(0).field(), violations.get(0).messageKey(), violations.get(0).arguments());
		this.violations = List.copyOf(violations);
	}

	public List<BusinessRuleException> violations() {
		return violations;
	}
}
