package kz.oqytu.accounts.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.web.filter.OncePerRequestFilter;

import kz.oqytu.accounts.domain.AccountSessions;
import kz.oqytu.accounts.domain.SessionEndReason;

/**
 * Sends the user of a session that was ended on purpose, or that outlived its absolute lifetime, to
 * the login page with the reason ({@code /login?ended=disabled|changed|password|lifetime}).
 * <ul>
 * <li>A cookie naming a session that no longer exists is looked up in {@link AccountSessions}: one
 * query, and only on such requests. Unknown (an idle timeout) means the usual way to the login page.</li>
 * <li>A signed-in session is stamped with the time of its first signed-in request (the sign-in's
 * redirect) by the injected {@link Clock}; from {@code oqytu.session.absolute-lifetime} after that it
 * is invalidated on its next request, however active it has been.</li>
 * </ul>
 */
final class SessionEndFilter extends OncePerRequestFilter {

	/** The session attribute holding the instant of sign-in. */
	static final String SIGNED_IN_AT = "oqytu.signedInAt";

	private static final String[] STATIC_PREFIXES = { "/css/", "/js/", "/img/", "/webjars/", "/favicon.ico",
			"/actuator/" };

	private final AccountSessions sessions;

	private final Clock clock;

	private final Duration lifetime;

	private final CookieSerializer cookies;

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	SessionEndFilter(AccountSessions sessions, Clock clock, Duration lifetime, CookieSerializer cookies) {
		this.sessions = sessions;
		this.clock = clock;
		this.lifetime = lifetime;
		this.cookies = cookies;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// Files and probes carry the cookie too, but the page that loads them has already been checked.
		String path = request.getRequestURI().substring(request.getContextPath().length());
		for (String prefix : STATIC_PREFIXES) {
			if (path.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requested = request.getRequestedSessionId();
		if (requested != null && !request.isRequestedSessionIdValid() && !isLogin(request)) {
			Optional<SessionEndReason> reason = this.sessions.endedBecause(requested);
			if (reason.isPresent()) {
				if (this.cookies != null) {
					this.cookies.writeCookieValue(new CookieSerializer.CookieValue(request, response, ""));
				}
				toLogin(request, response, reason.get());
				return;
			}
		}
		HttpSession session = request.getSession(false);
		if (session != null && this.trust.isAuthenticated(SecurityContextHolder.getContext().getAuthentication())) {
			Instant now = this.clock.instant();
			if (!(session.getAttribute(SIGNED_IN_AT) instanceof Instant signedInAt)) {
				session.setAttribute(SIGNED_IN_AT, now);
			}
			else if (!now.isBefore(signedInAt.plus(this.lifetime))) {
				session.invalidate();
				SecurityContextHolder.clearContext();
				toLogin(request, response, SessionEndReason.LIFETIME);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static boolean isLogin(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length()).equals("/login");
	}

	private static void toLogin(HttpServletRequest request, HttpServletResponse response, SessionEndReason reason)
			throws IOException {
		String target = request.getContextPath() + "/login?ended=" + reason.code();
		if (request.getHeader("HX-Request") != null) {
			// An htmx call would swap the login page into a fragment: htmx loads the whole page instead.
			response.setHeader("HX-Redirect", target);
			response.setStatus(HttpServletResponse.SC_OK);
			return;
		}
		response.sendRedirect(target);
	}
}
