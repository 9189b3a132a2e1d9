package kz.oqytu.accounts.security;

import jakarta.servlet.DispatcherType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Form login with Oqytu's own page, CSRF on, every page behind authentication except the public
 * ones; which role may do what is declared on each handler ({@code @StaffOnly}, ...).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

	/** Addresses anyone may open: login, assets, health, error pages and the public survey. */
	static final String[] PUBLIC_PATHS = { "/login", "/css/**", "/js/**", "/img/**", "/fonts/**", "/webjars/**",
			"/favicon.ico", "/actuator/health", "/actuator/health/**", "/error", "/s", "/s/**" };

	static final String CONTENT_SECURITY_POLICY = kz.oqytu.shared.web.SecurityHeaders.CONTENT_SECURITY_POLICY;

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
			.permitAll()
			.requestMatchers(PUBLIC_PATHS)
			.permitAll()
			.requestMatchers("/actuator/prometheus")
			.hasRole("ADMIN")
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler((request, response, ex) -> {
				if (ex instanceof ThrottledAuthenticationProvider.ThrottledException throttled) {
					// The login page says until when (local time), never whether the name exists.
					java.time.LocalTime until = java.time.LocalTime.ofInstant(throttled.until(), ZONE)
						.withSecond(0).withNano(0).plusMinutes(1);
					response.sendRedirect(request.getContextPath() + "/login?locked=" + until);
				}
				else {
					response.sendRedirect(request.getContextPath() + "/login?error");
				}
			}))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("OQYTU_SESSION"))
			.csrf(csrf -> csrf.csrfTokenRequestHandler(new BodyOnlyCsrfTokenRequestHandler()))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Aqtobe");

	@Bean
	ThrottledAuthenticationProvider authenticationProvider(kz.oqytu.accounts.domain.LoginThrottle throttle,
			org.springframework.security.core.userdetails.UserDetailsService users, PasswordEncoder passwordEncoder) {
		org.springframework.security.authentication.dao.DaoAuthenticationProvider passwords =
				new org.springframework.security.authentication.dao.DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(passwordEncoder);
		return new ThrottledAuthenticationProvider(throttle, passwords);
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}
}
