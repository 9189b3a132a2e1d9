package kz.oqytu.accounts.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why a signed-in session was ended before its user signed out; the login page says it. */
public enum SessionEndReason {

	/** An administrator disabled the account. */
	DISABLED,

	/** An administrator changed the account's role or scope. */
	CHANGED,

	/** The password was reset by an administrator or changed from another session. */
	PASSWORD,

	/** The session reached its absolute lifetime since sign-in ({@code oqytu.session.absolute-lifetime}). */
	LIFETIME;

	/** The value of the login page's {@code ended} parameter. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The message key the login page shows; {@code {0}} is the absolute lifetime in hours. */
	public String messageKey() {
		return "login.ended." + code();
	}

	public static Optional<SessionEndReason> fromCode(String code) {
		return code == null ? Optional.empty()
				: Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
	}
}
