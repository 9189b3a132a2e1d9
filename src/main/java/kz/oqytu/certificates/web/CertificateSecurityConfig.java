package kz.oqytu.certificates.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import kz.oqytu.shared.web.SecurityHeaders;

/**
 * The public verification page ({@code /certificates/**}): a phone that scans a certificate's QR code
 * has no account and gets no session; the code in the address is the right to see that one
 * certificate. Nothing is changed there, so no CSRF token; no referrer leaves the page (the code is in
 * its address).
 */
@Configuration(proxyBeanMethods = false)
class CertificateSecurityConfig {

	@Bean
	@Order(6)
	SecurityFilterChain certificateVerificationFilterChain(HttpSecurity http) throws Exception {
		return http.securityMatcher("/certificates/**")
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
