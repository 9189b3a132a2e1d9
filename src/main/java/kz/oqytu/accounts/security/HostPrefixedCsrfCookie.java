package kz.oqytu.accounts.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;

import kz.oqytu.shared.web.HostCookies;

/**
 * A CSRF token kept in a cookie (double submit) under the {@code __Host-} rule ({@link HostCookies}):
 * over HTTPS {@code __Host-NAME}, Secure, Path=/; over plain HTTP {@code NAME} on its own path. Both
 * HttpOnly and SameSite=Lax: the form carries the token, no script needs to read it.
 */
final class HostPrefixedCsrfCookie implements CsrfTokenRepository {

	private final CookieCsrfTokenRepository plain = new CookieCsrfTokenRepository();

	private final CookieCsrfTokenRepository prefixed = new CookieCsrfTokenRepository();

	/** The cookie's name on this request: {@code __Host-NAME} over HTTPS, {@code NAME} over HTTP. */
	private final String name;

	HostPrefixedCsrfCookie(String name, String plainPath) {
		this.name = name;
		this.plain.setCookieName(name);
		this.plain.setCookiePath(plainPath);
		this.plain.setCookieCustomizer(cookie -> cookie.sameSite("Lax").httpOnly(true));
		this.prefixed.setCookieName(HostCookies.PREFIX + name);
		this.prefixed.setCookiePath("/");
		this.prefixed.setCookieCustomizer(cookie -> cookie.sameSite("Lax").httpOnly(true).secure(true));
	}

	/** The header a script may send the token in instead of the form field. */
	HostPrefixedCsrfCookie headerName(String header) {
		this.plain.setHeaderName(header);
		this.prefixed.setHeaderName(header);
		return this;
	}

	/** Whether this request carries the cookie under the name it would write. */
	boolean present(HttpServletRequest request) {
		return HostCookies.read(request, this.name).isPresent();
	}

	private CsrfTokenRepository of(HttpServletRequest request) {
		return request.isSecure() ? this.prefixed : this.plain;
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return of(request).generateToken(request);
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		of(request).saveToken(token, request, response);
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		return of(request).loadToken(request);
	}
}
