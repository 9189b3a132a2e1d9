package kz.oqytu.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue #8, item 17 (ASVS V5.1.3, V5.3.4, V7.4.1): every query parameter of every GET page without
 * path variables, found in the application's own request mappings, gets hostile values (SQL
 * fragments, out-of-range numbers, negative pages, huge sizes, long text). No answer is a server
 * error or shows SQL; sort parameters are enums (a fixed list of columns), so an unknown column is
 * refused before any query is built.
 */
@OqytuIntegrationTest
class QueryParameterFuzzTests {

	private static final List<String> HOSTILE = List.of("'", "1' OR '1'='1", "name; drop table org_unit; --", "-1",
			"99999999999999999999", "2147483648", "%", "x".repeat(3000), "<script>", "NaN");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Test
	void hostileQueryParametersNeverCauseServerErrorsOrShowSql() throws Exception {
		Map<String, List<String>> routes = new TreeMap<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			if (isPlainGet(info) && !info.getPatternValues().iterator().next().startsWith("/error")) {
				List<String> params = queryParameters(handler);
				if (!params.isEmpty()) {
					routes.put(info.getPatternValues().iterator().next(), params);
				}
			}
		});
		assertThat(routes).as("list pages found").containsKeys("/events", "/organizations", "/budget", "/admin/audit");

		Map<String, String> failures = new LinkedHashMap<>();
		for (Map.Entry<String, List<String>> route : routes.entrySet()) {
			for (String param : route.getValue()) {
				for (String value : HOSTILE) {
					MockHttpServletResponse response = mvc.perform(get(route.getKey()).param(param, value)
						.header("Accept", "text/html,*/*;q=0.8").with(users.as("admin"))).andReturn().getResponse();
					String body = response.getContentType() != null && response.getContentType().startsWith("text")
							? response.getContentAsString() : "";
					if (response.getStatus() >= 500 || body.contains("PSQLException") || body.contains("SQLGrammar")
							|| body.contains("org.hibernate") || body.contains("syntax error")) {
						failures.put(route.getKey() + "?" + param + "=" + abbreviate(value), String.valueOf(response.getStatus()));
					}
				}
			}
		}
		assertThat(failures).as("answers to hostile parameters").isEmpty();
	}

	@Test
	void sortParametersAreAFixedListOfColumns() {
		List<String> freeTextSorts = new ArrayList<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			for (MethodParameter p : handler.getMethodParameters()) {
				RequestParam rp = p.getParameterAnnotation(RequestParam.class);
				String name = rp == null ? "" : (rp.name().isEmpty() ? rp.value() : rp.name());
				if (name.isEmpty() && rp != null) {
					p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
					name = p.getParameterName();
				}
				if (rp != null && "sort".equals(name) && !p.getParameterType().isEnum()) {
					freeTextSorts.add(info + " " + p.getParameterType().getSimpleName());
				}
			}
		});
		assertThat(freeTextSorts).as("sort parameters that are not an enum of columns").isEmpty();
	}

	private static boolean isPlainGet(RequestMappingInfo info) {
		var methods = info.getMethodsCondition().getMethods();
		String pattern = info.getPatternValues().iterator().next();
		return methods.contains(RequestMethod.GET) && !pattern.contains("{");
	}

	private static List<String> queryParameters(HandlerMethod handler) {
		List<String> names = new ArrayList<>();
		for (MethodParameter p : handler.getMethodParameters()) {
			RequestParam rp = p.getParameterAnnotation(RequestParam.class);
			if (rp == null || Map.class.isAssignableFrom(p.getParameterType())) {
				continue;
			}
			String name = rp.name().isEmpty() ? rp.value() : rp.name();
			if (name.isEmpty()) {
				p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
				name = p.getParameterName();
			}
			names.add(name);
		}
		return names;
	}

	private static String abbreviate(String value) {
		return value.length() > 20 ? value.substring(0, 20) + "…" : value;
	}
}
