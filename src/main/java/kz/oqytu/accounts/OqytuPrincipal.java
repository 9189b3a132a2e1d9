package kz.oqytu.accounts;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The security principal: Spring Security's user details plus Oqytu's scope. */
public final class OqytuPrincipal implements UserDetails {

	private final CurrentUser currentUser;

	private final String passwordHash;

	private final boolean enabled;

	public OqytuPrincipal(CurrentUser currentUser, String passwordHash, boolean enabled) {
		this.currentUser = currentUser;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
	}

	public CurrentUser currentUser() {
		return currentUser;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(currentUser.role().authority()));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return currentUser.username();
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}
}
