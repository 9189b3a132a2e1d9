package kz.oqytu.bench;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Under the {@code bench} profile only: the baseline endpoints ({@code /bench/baseline/**}) are open
 * and stateless, so a baseline measures the bare work (a template, a statement, bytes from memory)
 * and none of the session, login or CSRF machinery its page pays for.
 */
@Configuration(proxyBeanMethods = false)
@Profile("bench")
class BenchSecurityConfig {

	@Bean
	@Order(0)
	SecurityFilterChain benchBaselines(HttpSecurity http) throws Exception {
		return http.securityMatcher("/bench/baseline/**")
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(
					org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.build();
	}
}
