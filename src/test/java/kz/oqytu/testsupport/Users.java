package kz.oqytu.testsupport;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.OqytuPrincipal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Signs requests in as one of the demo accounts, loaded the way login loads them. */
@Component
public class Users {

	private final UserDetailsService users;

	public Users(UserDetailsService users) {
		this.users = users;
	}

	public RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	public CurrentUser current(String username) {
		UserDetails details = users.loadUserByUsername(username);
		return ((OqytuPrincipal) details).currentUser();
	}
}
