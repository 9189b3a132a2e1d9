package kz.oqytu.accounts.security;

import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.util.ReflectionUtils;

import kz.oqytu.accounts.AdminOnly;
import kz.oqytu.accounts.AnyAccount;
import kz.oqytu.accounts.StaffOnly;
import kz.oqytu.accounts.TrainingWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The role annotations' rules as {@code @PreAuthorize} applied them: the method's annotation wins over its
 * class's, two on one element are refused. Every route against every role is {@code AccessControlMatrixTests}.
 */
class RoleAnnotationChecksTests {

	@StaffOnly
	static class Results {

		void read() {
		}

		@TrainingWriter
		void refold() {
		}

		@AnyAccount
		void ownPassword() {
		}

		@AdminOnly
		@StaffOnly
		void twoRules() {
		}
	}

	static class Unmarked {

		void nothing() {
		}
	}

	static class Inherits extends Results {
	}

	@AdminOnly
	static class AdminInherits extends Unmarked {
	}

	private static boolean granted(Class<?> type, String method, Authentication who) {
		Method declared = ReflectionUtils.findMethod(type, method);
		return RoleAnnotationChecks.Rules.rule(declared, type).authorize(() -> who, null).isGranted();
	}

	private static Authentication as(String role) {
		return new TestingAuthenticationToken("someone", "x", "ROLE_" + role);
	}

	private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("key", "anonymousUser",
			AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

	@Test
	void theClassRuleCoversItsMethods() throws Exception {
		assertThat(granted(Results.class, "read", as("EXECUTIVE"))).isTrue();
		assertThat(granted(Results.class, "read", as("NATIONAL_OFFICER"))).isTrue();
		assertThat(granted(Results.class, "read", as("CHAIR"))).isFalse();
		assertThat(granted(Results.class, "read", ANONYMOUS)).isFalse();
	}

	@Test
	void theMethodRuleWinsOverTheClassRule() throws Exception {
		assertThat(granted(Results.class, "refold", as("METHODOLOGIST"))).isTrue();
		assertThat(granted(Results.class, "refold", as("EXECUTIVE"))).as("staff, but not a writer").isFalse();
		assertThat(granted(Results.class, "ownPassword", as("CHAIR"))).as("any account, looser than the class").isTrue();
		assertThat(granted(Results.class, "ownPassword", ANONYMOUS)).isFalse();
	}

	@Test
	void aClassRuleReachesInheritedMethodsThroughTheClassInvoked() throws Exception {
		assertThat(granted(Inherits.class, "read", as("EXECUTIVE"))).isTrue();
		assertThat(granted(AdminInherits.class, "nothing", as("METHODOLOGIST"))).isFalse();
		assertThat(granted(AdminInherits.class, "nothing", as("ADMIN"))).isTrue();
	}

	@Test
	void twoRulesOnOneMethodOrNoneAtAllAreRefused() {
		assertThatIllegalStateException().isThrownBy(() -> granted(Results.class, "twoRules", as("ADMIN")))
			.withMessageContaining("More than one role annotation");
		assertThatIllegalStateException().isThrownBy(() -> granted(Unmarked.class, "nothing", as("ADMIN")))
			.withMessageContaining("No role annotation");
	}

	@Test
	void thePointcutFindsMethodAndClassAnnotations() throws Exception {
		var pointcut = RoleAnnotationChecks.pointcut();
		assertThat(pointcut.getClassFilter().matches(Results.class)).isTrue();
		assertThat(pointcut.getMethodMatcher().matches(Results.class.getDeclaredMethod("read"), Results.class)).isTrue();
		assertThat(pointcut.getMethodMatcher().matches(Unmarked.class.getDeclaredMethod("nothing"), Unmarked.class))
			.isFalse();
	}
}
