package kz.oqytu.materials.web;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import kz.oqytu.materials.Materials;

/**
 * Sends a material upload that is certainly over the limit back to its form with the limit in the
 * reader's language, before anything reads its body. Without it the servlet container refuses the
 * body while the CSRF check reads the form's fields, and the browser gets a bare 413 with no page.
 * Browsers send a Content-Length with every form upload, so the header is enough; uploads just
 * over the limit pass here and are refused with the same message by the service, which counts the
 * bytes itself.
 */
@Configuration(proxyBeanMethods = false)
class MaterialUploadLimit {

	/** Room for the form's other fields and the multipart headers around the file. */
	static final long FORM_OVERHEAD = 256 * 1024;

	static final Pattern UPLOAD_FORMS = Pattern.compile("^/materials/(new|\\d+/versions/new)$");

	/** Before Spring Security's filters (-100), which read the body's fields for the CSRF token. */
	static final int ORDER = -150;

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> materialUploadLimitFilter(Materials materials) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new LimitFilter(materials));
		registration.addUrlPatterns("/materials/*");
		registration.setOrder(ORDER);
		return registration;
	}

	static final class LimitFilter extends OncePerRequestFilter {

		private final Materials materials;

		private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();

		LimitFilter(Materials materials) {
			this.materials = materials;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			long limit = materials.maxFileBytes();
			if ("POST".equals(request.getMethod()) && UPLOAD_FORMS.matcher(path).matches()
					&& request.getContentLengthLong() > limit + FORM_OVERHEAD && request.getSession(false) != null) {
				FlashMap flash = new FlashMap();
				flash.put("flashError", "materials.error.fileTooLarge");
				flash.put("flashArgs", new Object[] { limit / (1024 * 1024) });
				flash.setTargetRequestPath(request.getContextPath() + path);
				flashMaps.saveOutputFlashMap(flash, request, response);
				response.setStatus(HttpStatus.SEE_OTHER.value());
				response.setHeader("Location", request.getContextPath() + path);
				return;
			}
			chain.doFilter(request, response);
		}
	}
}
