package kz.oqytu.web;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * When PostgreSQL cannot be reached, the visitor gets the localized "try again shortly" page with
 * status 503 instead of a bare server error. It sits outside every other filter, because the session
 * store (Spring Session JDBC) is the first to notice the outage. The page is rendered here on the
 * bare request rather than through the error dispatch, because that dispatch reads the session (in
 * the database that is away) again and would fail a second time. Nothing is retried here: the
 * visitor repeats the request (a survey answer that did commit before the failure is recognized by
 * its device cookie, never stored twice).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseOutageFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

	private final ObjectProvider<ITemplateEngine> templates;

	private final ObjectProvider<LocaleResolver> locales;

	DatabaseOutageFilter(ObjectProvider<ITemplateEngine> templates, ObjectProvider<LocaleResolver> locales) {
		this.templates = templates;
		this.locales = locales;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (!isOutage(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("Database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(), rootMessage(ex));
			render(request, response, false);
		}
	}

	/** The localized 503 page: the database is away, or ({@code busy}) the heavy work is queued too long. */
	void render(HttpServletRequest request, HttpServletResponse response, boolean busy) throws IOException {
		Locale locale = LocaleConfig.supported(request.getParameter("lang") != null
				? Locale.forLanguageTag(request.getParameter("lang")) : locales.getObject().resolveLocale(request));
		response.reset();
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", "30");
		response.setHeader("Cache-Control", "no-store");
		// The security filters' headers never reached this response: the same ones, set here.
		response.setHeader("Content-Security-Policy", kz.oqytu.shared.web.SecurityHeaders.CONTENT_SECURITY_POLICY);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "same-origin");
		response.setContentType("text/html;charset=UTF-8");
		WebContext context = new WebContext(
				JakartaServletWebApplication.buildApplication(request.getServletContext()).buildExchange(request, response), locale);
		context.setVariable("busy", busy);
		templates.getObject().process("error/503", context, response.getWriter());
		response.flushBuffer();
	}

	/** Whether the failure is PostgreSQL being unreachable (not a bug, not bad data). */
	static boolean isOutage(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
					|| t instanceof SQLTransientConnectionException) {
				return true;
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				// 08: connection exception; 57P: the server terminated the connection or is shutting down.
				return true;
			}
			if (t instanceof SQLException sql && "Connection is closed".equals(sql.getMessage())) {
				// HikariCP's message (no SQL state) when the rollback after a terminated connection fails,
				// which hides the original 57P01.
				return true;
			}
			if (t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
				return true;
			}
			for (Throwable suppressed : t.getSuppressed()) {
				if (isOutage(suppressed)) {
					return true;
				}
			}
		}
		return false;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}
}
