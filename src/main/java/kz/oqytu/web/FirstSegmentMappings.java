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
 * <p>Here a mapping is skipped at once when its paths fix something the address does not have: another
 * first segment ({@code /s/...}, {@code /events/...}), another number of segments, another last segment
 * ({@code .../qr.png}; about eighty mappings start with {@code /events/}, so the first segment alone left a
 * tenth of a staff QR download's server time to the lookup). Only mappings that could match are checked,
 * by Spring's own conditions, exactly as before. What an address has encoded ({@code %}), with matrix
 * parameters ({@code ;}) or after a trailing slash is not compared: those go to Spring's checks as before.
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

		/** What a mapping's paths fix: first segments, numbers of segments, last segments (null: not fixed). */
		private final Map<RequestMappingInfo, Shape> shapes = new ConcurrentHashMap<>();

		@Override
		protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
			super.registerHandlerMethod(handler, method, mapping);
			Shape shape = Shape.of(mapping);
			if (shape != null) {
				shapes.put(mapping, shape);
			}
		}

		/**
		 * The address being looked up, worked out once per lookup (it was worked out again for each of the
		 * ~130 mappings: a request attribute read through the security wrappers and a substring each time);
		 * null outside a lookup, when nothing is skipped.
		 */
		private static final ThreadLocal<Address> LOOKING_UP = new ThreadLocal<>();

		@Override
		protected org.springframework.web.method.HandlerMethod lookupHandlerMethod(String lookupPath,
				HttpServletRequest request) throws Exception {
			// with path patterns the lookup path is the parsed path within the application, as Spring reads it
			Address address = usesPathPatterns() && ServletRequestPathUtils.hasParsedRequestPath(request)
					? Address.of(lookupPath) : null;
			Address outer = LOOKING_UP.get();
			LOOKING_UP.set(address);
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
			Address address = LOOKING_UP.get();
			if (address != null) {
				Shape shape = shapes.get(info);
				if (shape != null && !shape.admits(address)) {
					return null;
				}
			}
			return super.getMatchingMapping(info, request);
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
			return plain(first) ? first : null;
		}

		/** Compared as written: not encoded, no matrix parameters. */
		private static boolean plain(String segment) {
			return segment.indexOf('%') < 0 && segment.indexOf(';') < 0;
		}

		/** A literal segment of a pattern: no variable, wildcard or encoding. */
		private static boolean literal(String segment) {
			return plain(segment) && segment.indexOf('{') < 0 && segment.indexOf('*') < 0 && segment.indexOf('?') < 0;
		}

		/**
		 * What an address offers for comparison: its first segment, its number of {@code /}, its last segment;
		 * null where it cannot be compared as written (encoded, matrix parameters, a trailing slash).
		 */
		record Address(String first, int slashes, String last) {

			static Address of(String path) {
				String first = firstSegment(path);
				if (path.isEmpty() || (path.length() > 1 && path.endsWith("/"))) {
					return new Address(first, -1, null);
				}
				String last = path.substring(path.lastIndexOf('/') + 1);
				return new Address(first, slashCount(path), plain(last) ? last : null);
			}
		}

		/**
		 * What every path of a mapping fixes: the first segments ({@code /s/...}), the numbers of {@code /}
		 * ({@code /events/{id}/survey/qr.png}: 4) and the last segments ({@code qr.png}); each null when some
		 * path does not fix it (a variable or wildcard there, {@code **} or a rest-of-path variable anywhere).
		 * A path pattern matches only addresses with as many segments as it has, each single-segment
		 * element matching one segment, and a literal only itself.
		 */
		record Shape(Set<String> firsts, Set<Integer> slashes, Set<String> lasts) {

			static Shape of(RequestMappingInfo mapping) {
				PathPatternsRequestCondition paths = mapping.getPathPatternsCondition();
				if (paths == null || paths.getPatternValues().isEmpty()) {
					return null;
				}
				Set<String> firsts = new TreeSet<>();
				Set<Integer> slashes = new TreeSet<>();
				Set<String> lasts = new TreeSet<>();
				for (String pattern : paths.getPatternValues()) {
					String first = firstSegment(pattern);
					if (firsts != null && (first == null || !literal(first))) {
						firsts = null;
					}
					if (firsts != null) {
						firsts.add(first);
					}
					boolean spans = pattern.isEmpty() || pattern.contains("**") || pattern.contains("{*")
							|| slashInsideVariable(pattern) || (pattern.length() > 1 && pattern.endsWith("/"));
					if (slashes != null && spans) {
						slashes = null;
					}
					if (slashes != null) {
						slashes.add(slashCount(pattern));
					}
					String last = pattern.substring(pattern.lastIndexOf('/') + 1);
					if (lasts != null && (spans || !literal(last))) {
						lasts = null;
					}
					if (lasts != null) {
						lasts.add(last);
					}
				}
				if (firsts == null && slashes == null && lasts == null) {
					return null;
				}
				return new Shape(firsts == null ? null : Set.copyOf(firsts), slashes == null ? null : Set.copyOf(slashes),
						lasts == null ? null : Set.copyOf(lasts));
			}

			/** Whether an address could match: false only when a fixed part differs. */
			boolean admits(Address address) {
				if (firsts != null && address.first() != null && !firsts.contains(address.first())) {
					return false;
				}
				if (slashes != null && address.slashes() >= 0 && !slashes.contains(address.slashes())) {
					return false;
				}
				return lasts == null || address.last() == null || lasts.contains(address.last());
			}
		}

		private static int slashCount(String path) {
			int n = 0;
			for (int i = 0; i < path.length(); i++) {
				if (path.charAt(i) == '/') {
					n++;
				}
			}
			return n;
		}

		private static boolean slashInsideVariable(String pattern) {
			int depth = 0;
			for (int i = 0; i < pattern.length(); i++) {
				char c = pattern.charAt(i);
				if (c == '{') {
					depth++;
				}
				else if (c == '}') {
					depth = Math.max(0, depth - 1);
				}
				else if (c == '/' && depth > 0) {
					return true;
				}
			}
			return false;
		}
	}
}
