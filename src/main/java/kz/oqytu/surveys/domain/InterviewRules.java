package kz.oqytu.surveys.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.surveys.InterviewCommand;

/** What an interview must say: when, where, who asked whom, what was found; ratings 1 to 5 if given. */
final class InterviewRules {

	static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	static final int NAME_MAX = 200;

	static final int TEXT_MAX = 4000;

	private InterviewRules() {
	}

	static List<BusinessRuleException> violations(InterviewCommand c, LocalDate today) {
		List<BusinessRuleException> errors = new ArrayList<>();
		if (c.heldOn() == null) {
			errors.add(new BusinessRuleException("heldOn", "validation.required"));
		}
		else if (c.heldOn().isAfter(today)) {
			errors.add(new BusinessRuleException("heldOn", "surveys.interviews.error.future"));
		}
		else if (c.heldOn().isBefore(EARLIEST)) {
			errors.add(new BusinessRuleException("heldOn", "surveys.interviews.error.tooEarly"));
		}
		if (c.organizationId() == null) {
			errors.add(new BusinessRuleException("organization", "validation.required"));
		}
		text(errors, "interviewer", c.interviewer(), NAME_MAX, true);
		text(errors, "respondentRole", c.respondentRole(), NAME_MAX, true);
		text(errors, "findings", c.findings(), TEXT_MAX, true);
		text(errors, "notes", c.notes(), TEXT_MAX, false);
		rating(errors, "usefulness", c.usefulness());
		rating(errors, "practicalUse", c.practicalUse());
		return errors;
	}

	private static void text(List<BusinessRuleException> errors, String field, String value, int max,
			boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.add(new BusinessRuleException(field, "validation.required"));
			}
		}
		else if (value.strip().length() > max) {
			errors.add(new BusinessRuleException(field, "surveys.editor.error.tooLong", max));
		}
	}

	private static void rating(List<BusinessRuleException> errors, String field, Integer value) {
		if (value != null && (value < 1 || value > 5)) {
			errors.add(new BusinessRuleException(field, "surveys.interviews.error.rating"));
		}
	}
}
