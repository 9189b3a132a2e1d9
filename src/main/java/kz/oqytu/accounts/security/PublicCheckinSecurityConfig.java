package kz.oqytu.accounts.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The participant's self check-in ({@code /c/**}, decision 0044) without server sessions, as the
 * public survey (decision 9): a room of phones opening the QR code writes no session rows. CSRF by
 * double submit with the token in a cookie of its own ({@code OQYTU_CHECKIN_CSRF}, path /c, or
 * {@code __Host-} over HTTPS); headers as everywhere.
 */
@Configuration(proxyBeanMethods = false)
class PublicCheckinSecurityConfig {

	static final String CSRF_COOKIE = "OQYTU_CHECKIN_CSRF";

	@Bean
	@Order(4)
	SecurityFilterChain publicCheckinFilterChain(HttpSecurity http) throws Exception {
		CsrfTokenRepository tokens = new HostPrefixedCsrfCookie(CSRF_COOKIE, "/c");
		return http.securityMatcher("/c", "/c/**")
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.csrf(csrf -> csrf.csrfTokenRepository(tokens).csrfTokenRequestHandler(new BodyOnlyCsrfTokenRequestHandler()))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(SecurityConfig.CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
			.build();
	}
}
