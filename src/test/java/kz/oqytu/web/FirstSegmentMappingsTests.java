package kz.oqytu.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import kz.oqytu.testsupport.OqytuIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The controller mapping that skips mappings of another first segment, number of segments or last segment
 * finds exactly the method Spring's own mapping finds, for an address made from every mapping of the
 * application, and for addresses no mapping has.
 */
@OqytuIntegrationTest
class FirstSegmentMappingsTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	ApplicationContext context;

	@Test
	void theApplicationUsesIt() {
		assertThat(mapping).isInstanceOf(FirstSegmentMappings.Mapping.class);
	}

	@Test
	void everyAddressFindsTheMethodSpringsOwnMappingFinds() throws Exception {
		RequestMappingHandlerMapping plain = new RequestMappingHandlerMapping();
		plain.setPatternParser(mapping.getPatternParser());
		plain.setContentNegotiationManager(mapping.getContentNegotiationManager());
		plain.setEmbeddedValueResolver(new org.springframework.beans.factory.config.EmbeddedValueResolver(
				((org.springframework.context.ConfigurableApplicationContext) context).getBeanFactory()));
		plain.setApplicationContext(context);
		plain.afterPropertiesSet();

		List<String[]> requests = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			List<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? List.of("GET")
					: info.getMethodsCondition().getMethods().stream().map(RequestMethod::name).toList();
			for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
				for (String method : methods) {
					requests.add(new String[] { method, example(pattern) });
				}
			}
		}
		// the first segment of another mapping, encoded, with matrix parameters, none at all
		requests.add(new String[] { "GET", "/" });
		requests.add(new String[] { "GET", "/no-such-page/1" });
		requests.add(new String[] { "GET", "/%73/abc/qr.png" });
		requests.add(new String[] { "GET", "/events;x=1/1" });
		requests.add(new String[] { "POST", "/s/abc" });
		// another number of segments, another or an encoded last segment, a trailing or a doubled slash
		requests.add(new String[] { "GET", "/events/1/survey/qr.png/" });
		requests.add(new String[] { "GET", "/events/1/survey/qr%2Epng" });
		requests.add(new String[] { "GET", "/events/1/survey/qr.png;v=1" });
		requests.add(new String[] { "GET", "/events/1/survey/other.png" });
		requests.add(new String[] { "GET", "/events/1/survey" });
		requests.add(new String[] { "GET", "/events/1/2/3/4/5/6" });
		requests.add(new String[] { "GET", "/events//1" });
		requests.add(new String[] { "GET", "/events/1/" });
		assertThat(requests).hasSizeGreaterThan(200);

		int found = 0;
		for (String[] request : requests) {
			String ours = handler(mapping, request[0], request[1]);
			String spring = handler(plain, request[0], request[1]);
			assertThat(ours).as(request[0] + " " + request[1]).isEqualTo(spring);
			found += ours.startsWith("kz.oqytu") ? 1 : 0;
		}
		assertThat(found).as("addresses that found a method").isGreaterThan(200);
		assertThat(handler(mapping, "GET", "/s/abcdefghijklmnopqrstuv/qr.png")).endsWith("PublicQrController#qr(Map, Map)");
	}

	/** A concrete address of a pattern: each variable becomes "1", a rest-of-path variable "a/b". */
	private static String example(String pattern) {
		return pattern.replaceAll("\\{\\*[^}]+}", "a/b").replaceAll("\\{[^}]+}", "1").replace("**", "a/b").replace("*", "a");
	}

	/** The method found ("kz.oqytu...Controller#name(...)"), "none", or the exception's class (405, 406, ...). */
	private static String handler(RequestMappingHandlerMapping mapping, String method, String path) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.addHeader("Accept", "text/html,image/png,*/*;q=0.8");
		ServletRequestPathUtils.parseAndCache(request);
		try {
			HandlerExecutionChain chain = mapping.getHandler(request);
			return chain == null ? "none" : ((HandlerMethod) chain.getHandler()).toString();
		}
		catch (Exception ex) {
			return ex.getClass().getName();
		}
	}
}
