package kz.oqytu.accounts.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.AccountCommand;
import kz.oqytu.accounts.AccountView;
import kz.oqytu.accounts.Accounts;
import kz.oqytu.accounts.OrganizationDirectory;
import kz.oqytu.accounts.OrganizationDirectory.UnitRef;
import kz.oqytu.accounts.Role;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.ConflictException;
import kz.oqytu.shared.NotFoundException;

@Service
class AccountService implements Accounts {

	private final UserAccountRepository users;

	private final PasswordEncoder passwordEncoder;

	private final OrganizationDirectory directory;

	private final AccountSessions sessions;

	AccountService(UserAccountRepository users, PasswordEncoder passwordEncoder, OrganizationDirectory directory,
			AccountSessions sessions) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.directory = directory;
		this.sessions = sessions;
	}

	@Override
	@Transactional(readOnly = true)
	public List<AccountView> list() {
		return users.findAllByOrderByUsernameAsc().stream().map(this::view).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<AccountView> find(long id) {
		return users.findById(id).map(this::view);
	}

	@Override
	@Transactional
	public long create(AccountCommand command) {
		if (command.password() == null || command.password().isBlank()) {
			throw new BusinessRuleException("password", "accounts.error.passwordRequired");
		}
		return insert(command, passwordEncoder.encode(command.password()));
	}

	/** An account with no password yet: it cannot sign in until its invitation is accepted. */
	long createInvited(AccountCommand command) {
		return insert(command, null);
	}

	private long insert(AccountCommand command, String passwordHash) {
		String username = normalizeUsername(command.username());
		if (users.existsByUsernameIgnoreCase(username)) {
			throw new BusinessRuleException("username", "accounts.error.usernameTaken", username);
		}
		long scope = checkScope(command.role(), command.scopeUnitId());
		String email = blankToNull(command.email());
		checkEmailFree(email, null);
		UserAccount account = new UserAccount(username, passwordHash, command.fullName().trim(), email, command.role(),
				scope);
		return users.saveAndFlush(account).getId();
	}

	private void checkEmailFree(String email, Long self) {
		if (email != null) {
			users.findByEmailIgnoreCase(email)
				.filter(other -> !other.getId().equals(self))
				.ifPresent(other -> {
					throw new BusinessRuleException("email", "accounts.error.emailTaken", email);
				});
		}
	}

	@Override
	@Transactional(readOnly = true)
	public boolean enabledAdminExists() {
		return users.countEnabledAdmins() > 0;
	}

	@Override
	@Transactional
	public void update(long id, int version, AccountCommand command) {
		UserAccount account = users.findById(id).orElseThrow(() -> new NotFoundException("account " + id));
		if (account.getVersion() != version) {
			throw new ConflictException("account " + id);
		}
		long scope = checkScope(command.role(), command.scopeUnitId());
		checkEmailFree(blankToNull(command.email()), account.getId());
		boolean authorityChanged = account.getRole() != command.role() || account.getScopeUnitId() != scope;
		account.change(command.fullName().trim(), blankToNull(command.email()), command.role(), scope);
		try {
			users.saveAndFlush(account);
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			throw new ConflictException("account " + id);
		}
		if (authorityChanged) {
			// A session holds the role and scope it signed in with: it ends with them, on every instance.
			sessions.endAll(account.getUsername(), SessionEndReason.CHANGED);
		}
	}

	@Override
	@Transactional
	public void setEnabled(long id, boolean enabled) {
		UserAccount account = users.findById(id).orElseThrow(() -> new NotFoundException("account " + id));
		account.setEnabled(enabled);
		if (!enabled) {
			sessions.endAll(account.getUsername(), SessionEndReason.DISABLED);
		}
	}

	@Override
	@Transactional
	public void resetPassword(long id, String newPassword) {
		UserAccount account = users.findById(id).orElseThrow(() -> new NotFoundException("account " + id));
		account.setPasswordHash(passwordEncoder.encode(newPassword));
		sessions.endAll(account.getUsername(), SessionEndReason.PASSWORD);
	}

	@Override
	@Transactional
	public void changeOwnPassword(long id, String currentPassword, String newPassword, String keepSessionId) {
		UserAccount account = users.findById(id).orElseThrow(() -> new NotFoundException("account " + id));
		if (!passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
			throw new BusinessRuleException("currentPassword", "accounts.error.currentPasswordWrong");
		}
		account.setPasswordHash(passwordEncoder.encode(newPassword));
		// Every other session ends (one may be a thief's); the one making the change stays (decision 16).
		sessions.endAllBut(account.getUsername(), keepSessionId, SessionEndReason.PASSWORD);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean anyExist() {
		return users.count() > 0;
	}

	/** The scope the account gets: the one chosen, or for a national officer always the union's root. */
	private long checkScope(Role role, long scopeUnitId) {
		UnitRef unit = directory.find(scopeUnitId)
			.orElseThrow(() -> new BusinessRuleException("scopeUnitId", "accounts.error.unitUnknown"));
		if (role == Role.CHAIR && !unit.primary()) {
			throw new BusinessRuleException("scopeUnitId", "accounts.error.chairNeedsPrimary");
		}
		if (role == Role.NATIONAL_OFFICER) {
			// the national office reads the whole union: its scope is the root whatever node was picked
			return Long.parseLong(unit.path().split("/")[1]);
		}
		return scopeUnitId;
	}

	private AccountView view(UserAccount a) {
		Optional<UnitRef> unit = directory.find(a.getScopeUnitId());
		return new AccountView(a.getId(), a.getUsername(), a.getFullName(), a.getEmail(), a.getRole(),
				a.getScopeUnitId(), unit.map(UnitRef::nameKk).orElse(""), unit.map(UnitRef::nameRu).orElse(""),
				a.isEnabled(), a.isInvited(), a.getLastLoginAt(), a.getVersion());
	}

	static String normalizeUsername(String username) {
		return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
