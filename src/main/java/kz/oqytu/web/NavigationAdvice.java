package kz.oqytu.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.thymeleaf.context.LazyContextVariable;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.CurrentUsers;

/** Puts the signed-in user (or null) and the language-switch links into every page's model. */
@ControllerAdvice
class NavigationAdvice {

	@ModelAttribute("me")
	CurrentUser me() {
		return CurrentUsers.current().orElse(null);
	}

	/**
	 * The current page in each language: same path and query, {@code lang} replaced. Worked out only when
	 * a page reads it: a redirect (every stored form, every survey answer) renders nothing.
	 */
	@ModelAttribute("langUrls")
	LazyContextVariable<Map<String, String>> langUrls(HttpServletRequest request) {
		return new LazyContextVariable<>() {
			@Override
			protected Map<String, String> loadValue() {
				return urls(request);
			}
		};
	}

	static Map<String, String> urls(HttpServletRequest request) {
		Map<String, String> urls = new LinkedHashMap<>();
		for (String lang : new String[] { "kk", "ru", "en" }) {
			var builder = ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("lang", lang);
			if (!"GET".equals(request.getMethod())) {
				builder.replaceQuery("lang=" + lang);
			}
			var uri = builder.build();
			urls.put(lang, uri.getPath() + (uri.getQuery() == null ? "" : "?" + uri.getQuery()));
		}
		return urls;
	}
}
