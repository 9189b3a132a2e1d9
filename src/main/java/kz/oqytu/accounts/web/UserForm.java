package kz.oqytu.accounts.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import kz.oqytu.accounts.Role;

/** The account form. Password is asked only when creating; its rules are PasswordPolicy's. */
record UserForm(
		@NotBlank(message = "{validation.required}") @Pattern(regexp = "^[A-Za-z0-9._-]{3,64}$", message = "{accounts.validation.username}") String username,
		@NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String fullName,
		@Email(message = "{validation.email}") @Size(max = 200, message = "{validation.tooLong}") String email,
		@NotNull(message = "{validation.required}") Role role,
		@NotNull(message = "{validation.required}") Long scopeUnitId,
		String password,
		Integer version) {

	static UserForm empty() {
		return new UserForm(null, null, null, Role.METHODOLOGIST, null, null, null);
	}
}
