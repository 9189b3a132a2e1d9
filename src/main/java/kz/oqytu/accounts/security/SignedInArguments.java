package kz.oqytu.accounts.security;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.CurrentUsers;
import kz.oqytu.accounts.SignedIn;

/**
 * Resolves {@code @SignedIn CurrentUser me} handler parameters from the security context, so a
 * controller names the account it acts for instead of calling {@link CurrentUsers#require()} (issue #21).
 */
@Configuration(proxyBeanMethods = false)
class SignedInArguments implements WebMvcConfigurer {

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new Resolver());
	}

	static final class Resolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			if (!parameter.hasParameterAnnotation(SignedIn.class)) {
				return false;
			}
			if (parameter.getParameterType() != CurrentUser.class) {
				throw new IllegalStateException("@SignedIn needs a CurrentUser parameter: " + parameter);
			}
			return true;
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
				NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
			// the same answer as before: no signed-in account is a NotFoundException (404), as require() throws
			return CurrentUsers.require();
		}
	}
}
