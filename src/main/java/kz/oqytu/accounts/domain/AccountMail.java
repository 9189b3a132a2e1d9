package kz.oqytu.accounts.domain;

import java.util.Locale;

/** The two mails the accounts module sends: an invitation and a password-reset link. */
interface AccountMail {

	void invitation(long userId, String to, Locale locale, String fullName, String username, String token);

	void passwordReset(long userId, String to, Locale locale, String fullName, String username, String token);
}
