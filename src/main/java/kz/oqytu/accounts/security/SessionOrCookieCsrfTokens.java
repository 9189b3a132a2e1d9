package kz.oqytu.accounts.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * The CSRF token lives in the session when there is one (every signed-in page: a synchronizer token
 * as before), and in a cookie of its own when there is none (the login page, anonymous error pages):
 * a bot loading {@code /login} no longer writes a session row. The login form is still protected:
 * its post must carry the token matching that HttpOnly, SameSite cookie (double submit, as the public
 * survey does), and a request with a session never accepts the cookie's token.
 */
final class SessionOrCookieCsrfTokens implements CsrfTokenRepository {

	static final String COOKIE = "OQYTU_CSRF";

	private final HttpSessionCsrfTokenRepository inSession = new HttpSessionCsrfTokenRepository();

	/** Over HTTPS {@code __Host-OQYTU_CSRF} (Secure, Path=/), over plain HTTP the bare name ({@link HostPrefixedCsrfCookie}). */
	private final HostPrefixedCsrfCookie inCookie = new HostPrefixedCsrfCookie(COOKIE, "/")
		// The same header name as the session's tokens, so a page's script sends either the same way.
		.headerName("X-CSRF-TOKEN");

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return this.inSession.generateToken(request);
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		if (token == null) {
			// Sign-in and sign-out forget the token wherever it was.
			this.inSession.saveToken(null, request, response);
			if (this.inCookie.present(request)) {
				this.inCookie.saveToken(null, request, response);
			}
		}
		else if (request.getSession(false) != null) {
			this.inSession.saveToken(token, request, response);
		}
		else {
			this.inCookie.saveToken(token, request, response);
		}
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		return request.getSession(false) != null ? this.inSession.loadToken(request) : this.inCookie.loadToken(request);
	}
}
