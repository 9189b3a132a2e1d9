package kz.oqytu.accounts.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.web.util.WebUtils;

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

	/** Over plain HTTP (a local run): the bare name. */
	private final CookieCsrfTokenRepository inPlainCookie = cookieRepository(COOKIE, false);

	/** Over HTTPS: {@code __Host-OQYTU_CSRF}, Secure, Path=/, no Domain (shared.web.HostCookies' rule). */
	private final CookieCsrfTokenRepository inHostCookie = cookieRepository(kz.oqytu.shared.web.HostCookies.PREFIX + COOKIE, true);

	private static CookieCsrfTokenRepository cookieRepository(String name, boolean secure) {
		CookieCsrfTokenRepository repository = new CookieCsrfTokenRepository();
		repository.setCookieName(name);
		repository.setCookiePath("/");
		// The same header name as the session's tokens, so a page's script sends either the same way.
		repository.setHeaderName("X-CSRF-TOKEN");
		repository.setCookieCustomizer(cookie -> cookie.httpOnly(true).sameSite("Lax").secure(secure));
		return repository;
	}

	private CookieCsrfTokenRepository inCookie(HttpServletRequest request) {
		return request.isSecure() ? this.inHostCookie : this.inPlainCookie;
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return this.inSession.generateToken(request);
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		if (token == null) {
			// Sign-in and sign-out forget the token wherever it was.
			this.inSession.saveToken(null, request, response);
			if (WebUtils.getCookie(request, COOKIE) != null) {
				this.inPlainCookie.saveToken(null, request, response);
			}
			if (WebUtils.getCookie(request, kz.oqytu.shared.web.HostCookies.PREFIX + COOKIE) != null) {
				this.inHostCookie.saveToken(null, request, response);
			}
		}
		else if (request.getSession(false) != null) {
			this.inSession.saveToken(token, request, response);
		}
		else {
			inCookie(request).saveToken(token, request, response);
		}
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		return request.getSession(false) != null ? this.inSession.loadToken(request) : inCookie(request).loadToken(request);
	}
}
