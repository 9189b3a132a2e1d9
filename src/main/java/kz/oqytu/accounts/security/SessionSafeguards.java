package kz.oqytu.accounts.security;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.web.http.CookieSerializer;

import kz.oqytu.accounts.domain.AccountSessions;

/**
 * The main filter chain's session rules beyond Spring Security's defaults, applied by one line in
 * {@link SecurityConfig}:
 * <ul>
 * <li>an anonymous page writes no session: the login form's CSRF token goes into a cookie when
 * there is no session ({@link SessionOrCookieCsrfTokens}), and the page asked for before sign-in is
 * remembered in a cookie ({@link CookieRequestCache}), never in a new session;</li>
 * <li>a session ended on purpose or past its absolute lifetime sends its user to the login page
 * saying why ({@link SessionEndFilter}).</li>
 * </ul>
 */
final class SessionSafeguards {

	static final String LIFETIME_PROPERTY = "oqytu.session.absolute-lifetime";

	private SessionSafeguards() {
	}

	static HttpSecurity applyTo(HttpSecurity http) throws Exception {
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		Duration lifetime = Binder.get(context.getEnvironment())
			.bind(LIFETIME_PROPERTY, Duration.class)
			.orElse(Duration.ofHours(12));
		if (lifetime.isNegative() || lifetime.isZero()) {
			throw new IllegalStateException(LIFETIME_PROPERTY + " must be positive, not " + lifetime);
		}
		SessionEndFilter sessionEnds = new SessionEndFilter(context.getBean(AccountSessions.class),
				context.getBean(Clock.class), lifetime, context.getBeanProvider(CookieSerializer.class).getIfAvailable());
		return http.csrf(csrf -> csrf.csrfTokenRepository(new SessionOrCookieCsrfTokens()))
			.requestCache(cache -> cache.requestCache(requestCache()))
			.addFilterBefore(sessionEnds, CsrfFilter.class);
	}

	/**
	 * Spring Security's cookie request cache (it keeps a relative path only, so no open redirect), for
	 * the page loads Spring Security's default cache would save: GETs that are not htmx or XHR calls.
	 */
	private static CookieRequestCache requestCache() {
		CookieRequestCache cache = new CookieRequestCache();
		RequestMatcher pageLoads = request -> "GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null
				&& !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
				&& !request.getRequestURI().endsWith("/favicon.ico");
		cache.setRequestMatcher(pageLoads);
		cache.setCookieCustomizer(cookie -> cookie.setAttribute("SameSite", "Lax"));
		return cache;
	}
}
