package kz.oqytu.shared.web;

import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The rule for every cookie Oqytu sets (issue #15, item 10; ASVS V3.4.4): over HTTPS it is named
 * {@code __Host-NAME} and is Secure, has Path=/ and no Domain, so that no other host (a sibling
 * subdomain, a plain-HTTP page on the network) can set or overwrite it; over plain HTTP (a local
 * run) it keeps its bare name and its own path. A request is HTTPS when the connection is, or when
 * a trusted proxy says so ({@code X-Forwarded-Proto}, see {@code web.TrustedProxies}).
 *
 * <p>A new cookie follows it by building with {@link #cookie} and reading with {@link #read}:
 * each request reads only the name it would write. Cookies set through Spring's own machinery do
 * the same with two configured instances chosen by {@code request.isSecure()} (the survey's CSRF
 * cookie, the locale cookie).
 */
public final class HostCookies {

	public static final String PREFIX = "__Host-";

	private HostCookies() {
	}

	/** The name the cookie goes by on this request. */
	public static String name(HttpServletRequest request, String name) {
		return request.isSecure() ? PREFIX + name : name;
	}

	/**
	 * A cookie for this request's answer: over HTTPS prefixed, Secure, Path=/ (and no Domain, never
	 * set here); over HTTP the bare name on {@code plainPath}. HttpOnly and SameSite=Lax both ways;
	 * the caller adds a max age if it wants one.
	 */
	public static ResponseCookie.ResponseCookieBuilder cookie(HttpServletRequest request, String name, String value,
			String plainPath) {
		boolean secure = request.isSecure();
		return ResponseCookie.from(name(request, name), value)
			.path(secure ? "/" : plainPath)
			.secure(secure)
			.httpOnly(true)
			.sameSite("Lax");
	}

	/** The cookie's value on this request, under the name this request would write. */
	public static Optional<String> read(HttpServletRequest request, String name) {
		String wanted = name(request, name);
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (wanted.equals(cookie.getName())) {
					return Optional.of(cookie.getValue());
				}
			}
		}
		return Optional.empty();
	}

	/** Ends the cookie in the browser, under the name and path it was written with on this kind of request. */
	public static void expire(HttpServletRequest request, HttpServletResponse response, String name, String plainPath) {
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, name, "", plainPath).maxAge(0).build().toString());
	}
}
