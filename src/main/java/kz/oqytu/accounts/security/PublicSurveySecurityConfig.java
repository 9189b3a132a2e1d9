package kz.oqytu.accounts.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The public survey ({@code /s/**}) without server sessions. A phone that opens a QR code needs no
 * session: keeping its CSRF token in the HTTP session made every anonymous visit write a session to
 * PostgreSQL (Spring Session JDBC) and every answer read and update it. The token is a cookie of its
 * own instead (double submit, HttpOnly, path /s or {@code __Host-} over HTTPS); CSRF protection and the headers stay as elsewhere.
 */
@Configuration(proxyBeanMethods = false)
class PublicSurveySecurityConfig {

	static final String CSRF_COOKIE = "OQYTU_SURVEY_CSRF";

	/**
	 * The survey's QR image by token: a public, cacheable GET that reads no session and changes
	 * nothing, so no CSRF token is loaded or checked for it; headers as everywhere.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain publicQrFilterChain(HttpSecurity http) throws Exception {
		return http.securityMatcher("/s/*/qr.png")
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.headers(PublicSurveySecurityConfig::sameHeaders)
			.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain publicSurveyFilterChain(HttpSecurity http) throws Exception {
		// Over HTTPS __Host-OQYTU_SURVEY_CSRF on path / (the prefix demands it), over HTTP on /s.
		CsrfTokenRepository tokens = new HostPrefixedCsrfCookie(CSRF_COOKIE, "/s");
		return http.securityMatcher("/s", "/s/**")
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.csrf(csrf -> csrf.csrfTokenRepository(tokens).csrfTokenRequestHandler(new BodyOnlyCsrfTokenRequestHandler()))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.headers(PublicSurveySecurityConfig::sameHeaders)
			.build();
	}

	/** The Content-Security-Policy and referrer policy of every other page. */
	private static void sameHeaders(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy(csp -> csp.policyDirectives(SecurityConfig.CONTENT_SECURITY_POLICY))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
	}
}
