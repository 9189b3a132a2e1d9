package kz.oqytu.accounts.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.server.Cookie;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

import kz.oqytu.shared.web.HostCookies;

/**
 * The session cookie under the {@code __Host-} rule ({@link HostCookies}): over HTTPS it is
 * {@code __Host-OQYTU_SESSION} (Secure, Path=/, no Domain), over plain HTTP {@code OQYTU_SESSION} as
 * {@code server.servlet.session.cookie.*} configures it. Spring Session's one
 * {@link DefaultCookieSerializer} (which Boot would build from the same properties) has one fixed
 * name, so there are two, chosen per request; each request reads only the name it would write.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookie {

	@Bean
	CookieSerializer cookieSerializer(ServerProperties server) {
		Cookie settings = server.getServlet().getSession().getCookie();
		DefaultCookieSerializer plain = serializer(settings);
		if (settings.getName() != null) {
			plain.setCookieName(settings.getName());
		}
		if (settings.getDomain() != null) {
			plain.setDomainName(settings.getDomain());
		}
		if (settings.getPath() != null) {
			plain.setCookiePath(settings.getPath());
		}
		if (settings.getSecure() != null) {
			plain.setUseSecureCookie(settings.getSecure());
		}
		DefaultCookieSerializer prefixed = serializer(settings);
		prefixed.setCookieName(HostCookies.PREFIX + (settings.getName() != null ? settings.getName() : "SESSION"));
		prefixed.setCookiePath("/");
		prefixed.setUseSecureCookie(true);
		return new PerScheme(plain, prefixed);
	}

	/** What both share: HttpOnly, SameSite, max age. */
	private static DefaultCookieSerializer serializer(Cookie settings) {
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		if (settings.getHttpOnly() != null) {
			serializer.setUseHttpOnlyCookie(settings.getHttpOnly());
		}
		if (settings.getSameSite() != null) {
			serializer.setSameSite(settings.getSameSite().attributeValue());
		}
		if (settings.getMaxAge() != null) {
			serializer.setCookieMaxAge((int) settings.getMaxAge().getSeconds());
		}
		if (settings.getPartitioned() != null) {
			serializer.setPartitioned(settings.getPartitioned());
		}
		return serializer;
	}

	/** The plain serializer for HTTP requests, the {@code __Host-} one for HTTPS. */
	record PerScheme(CookieSerializer plain, CookieSerializer prefixed) implements CookieSerializer {

		@Override
		public void writeCookieValue(CookieValue cookieValue) {
			of(cookieValue.getRequest()).writeCookieValue(cookieValue);
		}

		@Override
		public List<String> readCookieValues(HttpServletRequest request) {
			return of(request).readCookieValues(request);
		}

		private CookieSerializer of(HttpServletRequest request) {
			return request.isSecure() ? this.prefixed : this.plain;
		}
	}
}
