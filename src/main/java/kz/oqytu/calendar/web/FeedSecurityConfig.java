package kz.oqytu.calendar.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import kz.oqytu.shared.web.SecurityHeaders;

/**
 * The calendar feeds ({@code /feeds/**}): phones and calendar servers fetch them with no account, the
 * secret in the address being the right to read. Stateless like the survey's QR image: no session is
 * read or written, no CSRF token (nothing is changed), no login redirect; the feed's own caching headers
 * stay, the protective headers are the same as everywhere.
 */
@Configuration(proxyBeanMethods = false)
class FeedSecurityConfig {

	@Bean
	@Order(3)
	SecurityFilterChain calendarFeedFilterChain(HttpSecurity http) throws Exception {
		return http.securityMatcher("/feeds/**")
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.requireExplicitSave(true))
			.anonymous(anonymous -> anonymous.disable())
			.logout(logout -> logout.disable())
			.headers(headers -> headers.cacheControl(cache -> cache.disable())
				.contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
			.build();
	}
}
