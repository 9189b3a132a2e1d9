package kz.oqytu.accounts.security;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.OqytuPrincipal;
import kz.oqytu.accounts.Role;
import kz.oqytu.accounts.SignedIn;
import kz.oqytu.shared.NotFoundException;
import kz.oqytu.testsupport.OqytuIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code @SignedIn CurrentUser me}: the signed-in account, or the NotFoundException require() threw. */
@OqytuIntegrationTest
class SignedInArgumentsTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlers;

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	/** Without the annotation Spring would bind the record from request parameters: a 400, or worse. */
	@Test
	void everyHandlerTakesTheAccountThroughSignedIn() {
		List<String> unannotated = handlers.getHandlerMethods()
			.values()
			.stream()
			.flatMap(handler -> java.util.Arrays.stream(handler.getMethodParameters()))
			.filter(parameter -> parameter.getParameterType() == CurrentUser.class
					&& !parameter.hasParameterAnnotation(SignedIn.class))
			.map(parameter -> parameter.getExecutable().toString())
			.toList();
		assertThat(unannotated).isEmpty();
		assertThat(handlers.getHandlerMethods().values().stream()
			.flatMap(handler -> java.util.Arrays.stream(handler.getMethodParameters()))
			.filter(parameter -> parameter.hasParameterAnnotation(SignedIn.class)))
			.as("the controllers use it").hasSizeGreaterThan(100);
	}

	@Test
	void givesTheSignedInAccount() throws Exception {
		CurrentUser me = new CurrentUser(7, "m", "M", Role.METHODOLOGIST, 2, "/1/2/");
		OqytuPrincipal principal = new OqytuPrincipal(me, "x", true);
		SecurityContextHolder.getContext().setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
		assertThat(new SignedInArguments.Resolver().resolveArgument(parameter(), null, null, null)).isEqualTo(me);
	}

	@Test
	void withoutASignedInAccountAnswersAsRequireDid() throws Exception {
		SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("k", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
		assertThatThrownBy(() -> new SignedInArguments.Resolver().resolveArgument(parameter(), null, null, null))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void refusesAnAnnotatedParameterOfAnotherType() throws Exception {
		MethodParameter wrong = new MethodParameter(Handlers.class.getDeclaredMethod("wrong", String.class), 0);
		assertThatThrownBy(() -> new SignedInArguments.Resolver().supportsParameter(wrong))
			.isInstanceOf(IllegalStateException.class);
		assertThat(new SignedInArguments.Resolver().supportsParameter(parameter())).isTrue();
	}

	private static MethodParameter parameter() throws Exception {
		return new MethodParameter(Handlers.class.getDeclaredMethod("page", CurrentUser.class), 0);
	}

	static class Handlers {

		String page(@SignedIn CurrentUser me) {
			return me.username();
		}

		String wrong(@SignedIn String me) {
			return me;
		}
	}
}
