package kz.oqytu.surveys;

import java.time.LocalDate;

/** An interview as recorded: ratings are 1 to 5 or not given. */
public record InterviewCommand(LocalDate heldOn, Long organizationId, String interviewer, String respondentRole,
		String findings, Integer usefulness, Integer practicalUse, String notes) {
}
