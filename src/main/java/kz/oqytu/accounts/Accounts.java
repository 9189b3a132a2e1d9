package kz.oqytu.accounts;

import java.util.List;
import java.util.Optional;

/** The accounts module's API: manage accounts and read them. */
public interface Accounts {

	List<AccountView> list();

	Optional<AccountView> find(long id);

	/** Creates an account; returns its id. Fails with a {@link kz.oqytu.shared.BusinessRuleException}. */
	long create(AccountCommand command);

	void update(long id, int version, AccountCommand command);

	void setEnabled(long id, boolean enabled);

	void resetPassword(long id, String newPassword);

	/** The signed-in user changes their own password, proving the current one. */
	void changeOwnPassword(long id, String currentPassword, String newPassword);

	boolean anyExist();
}
