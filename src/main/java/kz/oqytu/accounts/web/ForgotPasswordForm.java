package kz.oqytu.accounts.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** "Forgot password": the address the account was given. */
record ForgotPasswordForm(
		@NotBlank(message = "{validation.required}") @Email(message = "{validation.email}") @Size(max = 200, message = "{validation.tooLong}") String email) {
}
