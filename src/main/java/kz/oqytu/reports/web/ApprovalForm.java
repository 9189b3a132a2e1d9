package kz.oqytu.reports.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** The executive committee's approval of an annual report: meeting date, protocol, who approved. */
record ApprovalForm(@NotNull Integer year,
		@NotNull(message = "{validation.required}") @DateTimeFormat(pattern = "yyyy-MM-dd") LocalDate approvedOn,
		@NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.tooLong}") String protocol,
		@NotBlank(message = "{validation.required}") @Size(max = 300, message = "{validation.tooLong}") String approvedBy,
		/** The report approved: a region or the union's root; none is the account's own report (issue #17). */
		Long region) {
}
