package kz.oqytu.accounts.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The one place login reads the client's address. It is the servlet request's remote address,
 * which Spring Security's {@link WebAuthenticationDetails} captures at the login form; Tomcat's
 * RemoteIpValve has already replaced it from {@code X-Forwarded-For} when, and only when, the request
 * came from a configured proxy. Nothing here reads a forwarded header itself.
 */
final class ClientAddress {

	private ClientAddress() {
	}

	static String of(Authentication attempt) {
		if (attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
			return details.getRemoteAddress();
		}
		return "unknown";
	}
}
