package kz.oqytu.audit.domain;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import kz.oqytu.accounts.CurrentUsers;

/**
 * Names who acts for the audit trail: after Spring Security has loaded the request's user, their
 * username is kept for the request's thread, where the transaction manager reads it.
 */
class AuditActorFilter extends OncePerRequestFilter {

	private static final ThreadLocal<String> ACTOR = new ThreadLocal<>();

	static String actor() {
		String actor = ACTOR.get();
		return actor == null ? "system" : actor;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String previous = ACTOR.get();
		ACTOR.set(CurrentUsers.current().map(u -> u.username()).orElse("anonymous"));
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (previous == null) {
				ACTOR.remove();
			}
			else {
				ACTOR.set(previous);
			}
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		/** After Spring Security's filters (order -100), before the application's handlers. */
		@Bean
		FilterRegistrationBean<AuditActorFilter> auditActorFilterRegistration() {
			FilterRegistrationBean<AuditActorFilter> registration = new FilterRegistrationBean<>(new AuditActorFilter());
			registration.setOrder(0);
			return registration;
		}
	}
}
