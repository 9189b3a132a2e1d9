package kz.oqytu.accounts.security;

import jakarta.servlet.DispatcherType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
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

	/**
	 * Addresses anyone may open: login, assets, health, error pages, the public survey, the user guide, and
	 * the pages of single-use account links (accepting an invitation, forgot and reset password).
	 */
	static final String[] PUBLIC_PATHS = { "/login", "/invitations/*", "/password/forgot", "/password/forgot/sent",
			"/password/reset/*", "/css/**", "/js/**", "/img/**", "/fonts/**", "/webjars/**",
			"/favicon.ico", "/actuator/health", "/actuator/health/**", "/error", "/s", "/s/**",
			// the user guide: no secrets in it, and the participant reads it without an account (decision 0027)
			"/help", "/help/**" };

	static final String CONTENT_SECURITY_POLICY = kz.oqytu.shared.web.SecurityHeaders.CONTENT_SECURITY_POLICY;

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, LoginFailureHandler loginFailures,
			@org.springframework.beans.factory.annotation.Value("${server.servlet.session.cookie.name:OQYTU_SESSION}") String sessionCookie) throws Exception {
		http.authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
			.permitAll()
			.requestMatchers(PUBLIC_PATHS)
			.permitAll()
			// /actuator/prometheus and /info answer a bearer token on a chain of their own (MetricsSecurityConfig)
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(loginFailures))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies(sessionCookie))
			.csrf(csrf -> csrf.csrfTokenRequestHandler(new BodyOnlyCsrfTokenRequestHandler()))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		SessionSafeguards.applyTo(http);
		return http.build();
	}

	@Bean
	ThrottledAuthenticationProvider authenticationProvider(kz.oqytu.accounts.domain.LoginThrottle throttle,
			org.springframework.security.core.userdetails.UserDetailsService users,
			org.springframework.security.core.userdetails.UserDetailsPasswordService rehash, PasswordEncoder passwordEncoder,
			io.micrometer.core.instrument.MeterRegistry meters) {
		org.springframework.security.authentication.dao.DaoAuthenticationProvider passwords =
				new org.springframework.security.authentication.dao.DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(passwordEncoder);
		// A hash made by an older encoder is replaced by a new-default one at the next right password.
		passwords.setUserDetailsPasswordService(rehash);
		return new ThrottledAuthenticationProvider(throttle, passwords, meters);
	}

	/**
	 * Spring Security observes every filter of every chain and every authorization decision by default:
	 * a Micrometer observation started and stopped around each of the chain's ~15 filters, whose meter
	 * lookups (tags sorted and compared) took 13 % of the application's CPU under the bench's survey
	 * answers and QR downloads (decision 51). The requests are still timed once each by
	 * {@code http.server.requests}; sign-ins stay observed.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.withDefaults()
			.shouldObserveRequests(false)
			.shouldObserveAuthorizations(false)
			.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordHashing.encoder();
	}
}
