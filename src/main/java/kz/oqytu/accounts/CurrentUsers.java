package kz.oqytu.accounts;

import java.util.Optional;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import kz.oqytu.shared.NotFoundException;

/** Reads the signed-in account from the security context. */
public final class CurrentUsers {

	private CurrentUsers() {
	}

	public static Optional<CurrentUser> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return Optional.empty();
		}
		if (authentication.getPrincipal() instanceof OqytuPrincipal principal) {
			return Optional.of(principal.currentUser());
		}
		return Optional.empty();
	}

	/** The signed-in account; callers are behind authentication, so absence is a programming error. */
	public static CurrentUser require() {
		return current().orElseThrow(() -> new NotFoundException("no signed-in user"));
	}
}
