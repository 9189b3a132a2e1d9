package kz.oqytu.accounts.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new password typed twice; currentPassword is asked when users change their own. */
record PasswordForm(String currentPassword,
		@NotBlank(message = "{validation.required}") @Size(min = 8, max = 100, message = "{accounts.validation.passwordLength}") String newPassword,
		@NotBlank(message = "{validation.required}") String confirmPassword) {

	boolean confirmed() {
		return newPassword != null && newPassword.equals(confirmPassword);
	}
}
