package kz.oqytu.organizations.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Members on 1 January of a year. */
record MembershipForm(
		@NotNull(message = "{validation.required}") @Min(value = 2000, message = "{organizations.error.snapshotDate}") @Max(value = 2100, message = "{organizations.error.snapshotDate}") Integer year,
		@NotNull(message = "{validation.required}") @Min(value = 0, message = "{organizations.error.membersInvalid}") @Max(value = 1000000, message = "{organizations.error.membersInvalid}") Integer members) {
}
