package kz.oqytu.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Finding the controller method of an address with a variable in it ({@code /s/{token}/qr.png},
 * {@code /events/{id}}) no longer asks every one of the application's ~130 such mappings whether it
 * matches. Spring MVC looks an address up among the mappings without variables first (a map); when
 * none is there it checks every other mapping in turn, each with its method, parameter, header,
 * content-type and Accept conditions before its path: a fifth of the CPU time of a cached public QR
 * image went there (a flight recording of {@code bench/run --only=S6}, issue #17).
 *
 * <p>Here a mapping whose every path starts with a fixed first segment ({@code /s/...}, {@code /events/...})
 * is skipped at once when the address's first segment is another one; only mappings that could match
 * are checked, by Spring's own conditions, exactly as before. Addresses whose first segment is encoded
 * ({@code %}) or carries matrix parameters ({@code ;}) are checked against every mapping, as Spring does.
 */
@Configuration(proxyBeanMethods = false)
class FirstSegmentMappings {

	@Bean
	WebMvcRegistrations firstSegmentRegistrations() {
		return new WebMvcRegistrations() {
			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new Mapping();
			}
		};
	}

	/** Boot configures it like its own (interceptors, path parser, content negotiation, order). */
	static class Mapping extends RequestMappingHandlerMapping {

		/** The fixed first segments of a mapping's paths; absent when one of them starts with a variable. */
		private final Map<RequestMappingInfo, Set<String>> firstSegments = new ConcurrentHashMap<>();

		@Override
		protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
			super.registerHandlerMethod(handler, method, mapping);
			Set<String> firsts = firstSegments(mapping);
			if (firsts != null) {
				firstSegments.put(mapping, firsts);
			}
		}

		/**
		 * The first segment of the address being looked up, worked out once per lookup (it was worked out
		 * again for each of the ~130 mappings: a request attribute read through the security wrappers and
		 * a substring each time); null outside a lookup, when nothing is skipped.
		 */
		private static final ThreadLocal<String> LOOKING_UP = new ThreadLocal<>();

		@Override
		protected org.springframework.web.method.HandlerMethod lookupHandlerMethod(String lookupPath,
				HttpServletRequest request) throws Exception {
			// with path patterns the lookup path is the parsed path within the application, as Spring reads it
			String first = usesPathPatterns() && ServletRequestPathUtils.hasParsedRequestPath(request)
					? firstSegment(lookupPath) : null;
			String outer = LOOKING_UP.get();
			LOOKING_UP.set(first);
			try {
				return super.lookupHandlerMethod(lookupPath, request);
			}
			finally {
				if (outer == null) {
					LOOKING_UP.remove();
				}
				else {
					LOOKING_UP.set(outer);
				}
			}
		}

		@Override
		protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
			String first = LOOKING_UP.get();
			if (first != null) {
				Set<String> firsts = firstSegments.get(info);
				if (firsts != null && !firsts.contains(first)) {
					return null;
				}
			}
			return super.getMatchingMapping(info, request);
		}

		static Set<String> firstSegments(RequestMappingInfo mapping) {
			PathPatternsRequestCondition paths = mapping.getPathPatternsCondition();
			if (paths == null) {
				return null;
			}
			Set<String> firsts = new TreeSet<>();
			for (String pattern : paths.getPatternValues()) {
				String first = firstSegment(pattern);
				if (first == null || first.indexOf('{') >= 0 || first.indexOf('*') >= 0 || first.indexOf('?') >= 0) {
					return null;
				}
				firsts.add(first);
			}
			return firsts.isEmpty() ? null : Set.copyOf(firsts);
		}

		/**
		 * The first segment of a path ({@code "events"} of {@code /events/12}, {@code ""} of {@code /}), or
		 * null when it cannot be compared as written: not absolute, encoded or with matrix parameters.
		 */
		static String firstSegment(String path) {
			if (path.isEmpty()) {
				return "";
			}
			if (path.charAt(0) != '/') {
				return null;
			}
			int end = path.indexOf('/', 1);
			String first = end < 0 ? path.substring(1) : path.substring(1, end);
			return first.indexOf('%') >= 0 || first.indexOf(';') >= 0 ? null : first;
		}
	}
}
