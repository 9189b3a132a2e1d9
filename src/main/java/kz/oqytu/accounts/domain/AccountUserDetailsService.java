package kz.oqytu.accounts.domain;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.OqytuPrincipal;
import kz.oqytu.accounts.OrganizationDirectory;
import kz.oqytu.accounts.OrganizationDirectory.UnitRef;

/**
 * Loads an account for login, with the path of its scope node resolved once; and replaces a hash made
 * by an older encoder after a right password (Spring Security calls {@link #updatePassword}).
 */
@Service
class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

	private final UserAccountRepository users;

	private final OrganizationDirectory directory;

	AccountUserDetailsService(UserAccountRepository users, OrganizationDirectory directory) {
		this.users = users;
		this.directory = directory;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		UserAccount account = users.findByUsernameIgnoreCase(AccountService.normalizeUsername(username))
			.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
		if (account.isInvited()) {
			// No password chosen yet: to the login form it is as if the account did not exist.
			throw new UsernameNotFoundException("invited, not accepted");
		}
		String path = directory.find(account.getScopeUnitId()).map(UnitRef::path).orElse("/none/");
		CurrentUser user = new CurrentUser(account.getId(), account.getUsername(), account.getFullName(),
				account.getRole(), account.getScopeUnitId(), path);
		return new OqytuPrincipal(user, account.getPasswordHash(), account.isEnabled());
	}

	/**
	 * Stores the new hash only if the old one is still there, and without touching the account's
	 * version, so an administrator editing the account meanwhile gets no false conflict.
	 */
	@Override
	@Transactional
	public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
		OqytuPrincipal principal = (OqytuPrincipal) user;
		users.replacePasswordHash(principal.currentUser().id(), principal.getPassword(), newPasswordHash);
		return new OqytuPrincipal(principal.currentUser(), newPasswordHash, principal.isEnabled());
	}
}
