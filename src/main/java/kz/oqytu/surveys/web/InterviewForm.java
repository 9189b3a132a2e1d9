package kz.oqytu.surveys.web;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import kz.oqytu.surveys.InterviewCommand;
import kz.oqytu.surveys.InterviewView;

/** The interview form; the organization is typed (or picked from suggestions) by name. */
record InterviewForm(
		@NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
		@NotBlank(message = "{validation.required}") @Size(max = 300, message = "{validation.tooLong}") String organization,
		@NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String interviewer,
		@NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String respondentRole,
		@NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}") String findings,
		@Min(value = 1, message = "{surveys.interviews.error.rating}") @Max(value = 5, message = "{surveys.interviews.error.rating}") Integer usefulness,
		@Min(value = 1, message = "{surveys.interviews.error.rating}") @Max(value = 5, message = "{surveys.interviews.error.rating}") Integer practicalUse,
		@Size(max = 4000, message = "{validation.tooLong}") String notes,
		Integer version) {

	static InterviewForm empty(String organization) {
		return new InterviewForm(null, organization, null, null, null, null, null, null, null);
	}

	static InterviewForm of(InterviewView v) {
		return new InterviewForm(v.heldOn(), v.organizationKk(), v.interviewer(), v.respondentRole(), v.findings(),
				v.usefulness(), v.practicalUse(), v.notes(), v.version());
	}

	InterviewCommand command(Long organizationId) {
		return new InterviewCommand(heldOn, organizationId, interviewer, respondentRole, findings, usefulness,
				practicalUse, notes);
	}
}
