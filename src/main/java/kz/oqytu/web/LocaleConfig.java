package kz.oqytu.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleContextResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import kz.oqytu.shared.web.HostCookies;

/** Kazakh by default (the public survey: the phone's kk or ru); {@code ?lang=kk|ru|en} switches and a cookie keeps the choice across logins. */
@Configuration(proxyBeanMethods = false)
class LocaleConfig implements WebMvcConfigurer {

	static final Locale KAZAKH = Locale.forLanguageTag("kk");

	static final List<Locale> SUPPORTED = List.of(KAZAKH, Locale.forLanguageTag("ru"), Locale.ENGLISH);

	static final String COOKIE = "OQYTU_LANG";

	/** The language cookie under the __Host- rule (kz.oqytu.shared.web.HostCookies): one resolver per scheme. */
	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver plain = cookieResolver(COOKIE);
		CookieLocaleResolver prefixed = cookieResolver(HostCookies.PREFIX + COOKIE);
		prefixed.setCookieSecure(true);
		return new LocaleContextResolver() {
			private LocaleContextResolver of(HttpServletRequest request) {
				return request.isSecure() ? prefixed : plain;
			}

			@Override
			public LocaleContext resolveLocaleContext(HttpServletRequest request) {
				return of(request).resolveLocaleContext(request);
			}

			@Override
			public void setLocaleContext(HttpServletRequest request, HttpServletResponse response, LocaleContext context) {
				of(request).setLocaleContext(request, response, context);
			}

			@Override
			public Locale resolveLocale(HttpServletRequest request) {
				return of(request).resolveLocale(request);
			}

			@Override
			public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
				of(request).setLocale(request, response, supported(locale));
			}
		};
	}

	private static CookieLocaleResolver cookieResolver(String name) {
		CookieLocaleResolver resolver = new CookieLocaleResolver(name);
		resolver.setDefaultLocale(KAZAKH);
		resolver.setDefaultLocaleFunction(LocaleConfig::defaultLocale);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieSameSite("Lax");
		resolver.setCookieHttpOnly(true);
		resolver.setCookiePath("/");
		return resolver;
	}

	/**
	 * Without a chosen language: Kazakh, except that the public survey ({@code /s}) follows the phone's
	 * language when it asks for Kazakh or Russian first among those two (issue #19, decision 29).
	 */
	static Locale defaultLocale(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (request.getHeader("Accept-Language") != null && (path.equals("/s") || path.startsWith("/s/"))) {
			for (var locales = request.getLocales(); locales.hasMoreElements();) {
				String language = locales.nextElement().getLanguage();
				if (language.equals("kk") || language.equals("ru")) {
					return Locale.forLanguageTag(language);
				}
			}
		}
		return KAZAKH;
	}

	static Locale supported(Locale requested) {
		if (requested == null) {
			return KAZAKH;
		}
		return SUPPORTED.stream()
			.filter(l -> l.getLanguage().equals(requested.getLanguage()))
			.findFirst()
			.orElse(KAZAKH);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}
}
