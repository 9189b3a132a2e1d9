package kz.oqytu.accounts.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Spring Security's default handler (BREACH-safe, XOR-masked tokens), wrapped (it is final), except that the token is
 * accepted only from its header or from the request body, never from the query string: a token in
 * a URL leaks through logs, history and the Referer. The servlet API merges query and body
 * parameters, so a request whose query string names the parameter gets no token from parameters at
 * all (and is refused unless the header carries one). Issue #15, item 10; ASVS V3.1.1, V13.2.3.
 */
class BodyOnlyCsrfTokenRequestHandler implements CsrfTokenRequestHandler {

	private final XorCsrfTokenRequestAttributeHandler delegate = new XorCsrfTokenRequestAttributeHandler();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
		this.delegate.handle(request, response, csrfToken);
	}

	@Override
	public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
		if (request.getHeader(csrfToken.getHeaderName()) == null
				&& inQueryString(request.getQueryString(), csrfToken.getParameterName())) {
			return null;
		}
		return this.delegate.resolveCsrfTokenValue(request, csrfToken);
	}

	static boolean inQueryString(String query, String parameter) {
		if (query == null || query.isEmpty()) {
			return false;
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String name = equals < 0 ? pair : pair.substring(0, equals);
			try {
				name = URLDecoder.decode(name, StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				// Malformed escapes: the container may still decode it its own way, so take no chance.
				return true;
			}
			if (name.equals(parameter)) {
				return true;
			}
		}
		return false;
	}
}
