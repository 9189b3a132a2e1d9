package kz.oqytu.accounts.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator/prometheus} and {@code /actuator/info} for Prometheus and other machines: a bearer
 * token ({@code oqytu.metrics.token}, env {@code OQYTU_METRICS_TOKEN}) on a stateless chain of their own,
 * ahead of the form-login chain. No session is read or written, no CSRF token, no login redirect:
 * without the right token the answer is 401. With no token configured both endpoints stay closed
 * (401 for everyone), so a forgotten variable never opens them (decision 26).
 */
@Configuration(proxyBeanMethods = false)
class MetricsSecurityConfig {

	static final String[] PATHS = { "/actuator/prometheus", "/actuator/info" };

	/** As long as the survey device key: a token shorter than this is refused at start. */
	static final int MIN_TOKEN_LENGTH = 32;

	@Bean
	@Order(2)
	SecurityFilterChain metricsFilterChain(HttpSecurity http, @Value("${oqytu.metrics.token:}") String token)
			throws Exception {
		return http.securityMatcher(PATHS)
			.authorizeHttpRequests(auth -> auth.anyRequest().hasRole("METRICS"))
			.addFilterBefore(new BearerTokenFilter(token), AnonymousAuthenticationFilter.class)
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.requireExplicitSave(true))
			.logout(logout -> logout.disable())
			.exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, ex) -> unauthorized(response))
				.accessDeniedHandler((request, response, ex) -> unauthorized(response)))
			.build();
	}

	/** Written here, not by sendError: the error page would run the form-login chain, which may set a cookie. */
	private static void unauthorized(HttpServletResponse response) throws IOException {
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader("WWW-Authenticate", "Bearer realm=\"oqytu-metrics\"");
		response.setContentType("text/plain;charset=UTF-8");
		response.getWriter().write("401 Unauthorized: send Authorization: Bearer <OQYTU_METRICS_TOKEN>\n");
	}

	/**
	 * Signs the request in as the metrics reader when {@code Authorization: Bearer <token>} carries the
	 * configured token; compared as SHA-256 digests with {@link MessageDigest#isEqual}, so the time taken
	 * says nothing about how much of a guess was right, nor about the token's length.
	 */
	static final class BearerTokenFilter extends OncePerRequestFilter {

		private static final String PREFIX = "Bearer ";

		private final byte[] expected;

		BearerTokenFilter(String token) {
			String t = token == null ? "" : token.trim();
			if (!t.isEmpty() && t.length() < MIN_TOKEN_LENGTH) {
				throw new IllegalStateException("oqytu.metrics.token (OQYTU_METRICS_TOKEN) must have at least "
						+ MIN_TOKEN_LENGTH + " characters; leave it empty to keep the metrics closed");
			}
			this.expected = t.isEmpty() ? null : sha256(t);
		}

		boolean matches(String authorization) {
			if (expected == null || authorization == null
					|| !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
				return false;
			}
			return MessageDigest.isEqual(expected, sha256(authorization.substring(PREFIX.length()).trim()));
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (matches(request.getHeader("Authorization"))) {
				var reader = new PreAuthenticatedAuthenticationToken("metrics", "",
						List.of(new SimpleGrantedAuthority("ROLE_METRICS")));
				var context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(reader);
				SecurityContextHolder.setContext(context);
			}
			chain.doFilter(request, response);
		}

		private static byte[] sha256(String text) {
			try {
				return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}
}
