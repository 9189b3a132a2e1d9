package kz.oqytu.accounts.web;

import jakarta.validation.constraints.NotBlank;

/** A new password typed twice; currentPassword is asked when users change their own. Rules: PasswordPolicy. */
record PasswordForm(String currentPassword,
		@NotBlank(message = "{validation.required}") String newPassword,
		@NotBlank(message = "{validation.required}") String confirmPassword) {

	boolean confirmed() {
		return newPassword != null && newPassword.equals(confirmPassword);
	}
}
