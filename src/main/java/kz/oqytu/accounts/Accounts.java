package kz.oqytu.accounts;

import java.util.List;
import java.util.Optional;

/** The accounts module's API: manage accounts and read them. */
public interface Accounts {

	List<AccountView> list();

	Optional<AccountView> find(long id);

	/** Creates an account; returns its id. Fails with a {@link kz.oqytu.shared.BusinessRuleException}. */
	long create(AccountCommand command);

	/** Changes an account; a change of its role or scope ends every session of the account. */
	void update(long id, int version, AccountCommand command);

	/** Enables or disables an account; disabling ends every session of the account. */
	void setEnabled(long id, boolean enabled);

	/** An administrator sets a new password; every session of the account ends. */
	void resetPassword(long id, String newPassword);

	/**
	 * The signed-in user changes their own password, proving the current one. Every other session of
	 * the account ends; {@code keepSessionId}, the session making the change, stays signed in.
	 */
	void changeOwnPassword(long id, String currentPassword, String newPassword, String keepSessionId);

	boolean anyExist();

	/** Whether an administrator who can sign in exists (enabled, with a password). */
	boolean enabledAdminExists();
}
