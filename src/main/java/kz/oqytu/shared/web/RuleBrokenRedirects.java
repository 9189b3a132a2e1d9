package kz.oqytu.shared.web;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

import kz.oqytu.shared.BusinessRuleException;

/**
 * One place for the handlers marked {@link OnRuleBroken} (issue #21): a broken rule becomes a redirect
 * with the rule's message. Any other handler's rule exception goes on to its {@code @ResponseStatus},
 * 400 with the error page.
 */
@ControllerAdvice
class RuleBrokenRedirects {

	@ExceptionHandler(BusinessRuleException.class)
	String redirect(BusinessRuleException ex, HandlerMethod handler, HttpServletRequest request) {
		OnRuleBroken back = handler.getMethodAnnotation(OnRuleBroken.class);
		if (back == null) {
			// rethrown, the exception is left to the next resolver: the 400 of BusinessRuleException
			throw ex;
		}
		FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
		flash.put("flashError", ex.messageKey());
		if (ex.arguments() != null && ex.arguments().length > 0) {
			flash.put("flashArgs", ex.arguments());
		}
		return "redirect:" + address(back, request);
	}

	static String address(OnRuleBroken back, HttpServletRequest request) {
		Map<String, String> values = new HashMap<>();
		request.getParameterMap().forEach((name, given) -> values.put(name, given.length == 0 ? "" : given[0]));
		@SuppressWarnings("unchecked")
		Map<String, String> pathVariables = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		if (pathVariables != null) {
			values.putAll(pathVariables);
		}
		UriComponentsBuilder address = UriComponentsBuilder.newInstance()
			.uriComponents(UriComponentsBuilder.fromUriString(back.redirect()).buildAndExpand(values));
		for (String name : back.keep()) {
			String value = request.getParameter(name);
			if (value != null && !value.isBlank()) {
				address.queryParam(name, value);
			}
		}
		return address.build().encode().toUriString();
	}
}
