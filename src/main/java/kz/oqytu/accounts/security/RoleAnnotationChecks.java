package kz.oqytu.accounts.security;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.AuthorizationInterceptorsOrder;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.util.ClassUtils;

import kz.oqytu.accounts.AdminOnly;
import kz.oqytu.accounts.AnyAccount;
import kz.oqytu.accounts.StaffOnly;
import kz.oqytu.accounts.TrainingWriter;

/**
 * The role annotations on handlers ({@link StaffOnly}, {@link AdminOnly}, {@link TrainingWriter},
 * {@link AnyAccount}) are checked before the method runs, by Spring Security's own method interceptor at
 * {@code @PreAuthorize}'s place, with Spring Security's role and sign-in checks. They used to be
 * {@code @PreAuthorize} meta-annotations: every staff request then built a SpEL evaluation context and
 * evaluated {@code hasAnyRole(...)} reflectively, about a twelfth of a cached QR download's server time
 * (a flight recording of bench S6-cached-staff, issue #17).
 *
 * <p>As with {@code @PreAuthorize}, the annotation on the method wins over the one on its class (an
 * {@code @StaffOnly} controller's {@code @TrainingWriter} actions); two on one element are a mistake
 * and refused at the first call. A denial is Spring Security's {@code AuthorizationDeniedException}: the
 * sign-in page for an anonymous visitor, 403 for a signed-in one, as before.
 */
@Configuration(proxyBeanMethods = false)
class RoleAnnotationChecks {

	/** Each annotation and what it lets through. */
	static final Map<Class<? extends Annotation>, AuthorizationManager<MethodInvocation>> RULES = Map.of(
			StaffOnly.class, AuthorityAuthorizationManager.hasAnyRole("ADMIN", "METHODOLOGIST", "EXECUTIVE", "NATIONAL_OFFICER"),
			AdminOnly.class, AuthorityAuthorizationManager.hasRole("ADMIN"),
			TrainingWriter.class, AuthorityAuthorizationManager.hasAnyRole("ADMIN", "METHODOLOGIST"),
			AnyAccount.class, AuthenticatedAuthorizationManager.authenticated());

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static AuthorizationManagerBeforeMethodInterceptor roleAnnotationAuthorization() {
		AuthorizationManagerBeforeMethodInterceptor interceptor = new AuthorizationManagerBeforeMethodInterceptor(
				pointcut(), new Rules());
		interceptor.setOrder(AuthorizationInterceptorsOrder.PRE_AUTHORIZE.getOrder());
		return interceptor;
	}

	/** Methods carrying one of the annotations, or of a class that does. */
	static Pointcut pointcut() {
		ComposablePointcut pointcut = null;
		for (Class<? extends Annotation> annotation : RULES.keySet()) {
			for (Pointcut one : List.<Pointcut>of(new AnnotationMatchingPointcut(null, annotation, true),
					new AnnotationMatchingPointcut(annotation, true))) {
				pointcut = pointcut == null ? new ComposablePointcut(one) : pointcut.union(one);
			}
		}
		return pointcut;
	}

	/** The rule of the annotation nearest the method invoked, found once per method and class. */
	static final class Rules implements AuthorizationManager<MethodInvocation> {

		private final Map<Key, AuthorizationManager<MethodInvocation>> rules = new ConcurrentHashMap<>();

		/** A method as invoked on a class (an inherited method's class-level rule is its class's). */
		private record Key(Method method, Class<?> type) {
		}

		@Override
		public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
				MethodInvocation invocation) {
			Class<?> target = invocation.getThis() == null ? invocation.getMethod().getDeclaringClass()
					: AopProxyUtils.ultimateTargetClass(invocation.getThis());
			// the most specific method is looked up (reflection) only the first time a method and class meet
			return this.rules.computeIfAbsent(new Key(invocation.getMethod(), ClassUtils.getUserClass(target)),
					k -> rule(AopUtils.getMostSpecificMethod(k.method(), k.type()), k.type()))
				.authorize(authentication, invocation);
		}

		static AuthorizationManager<MethodInvocation> rule(Method method, Class<?> type) {
			AuthorizationManager<MethodInvocation> rule = ruleOf(method);
			if (rule == null) {
				rule = ruleOf(type);
			}
			if (rule == null) {
				throw new IllegalStateException("No role annotation on " + method + " or its class");
			}
			return rule;
		}

		private static AuthorizationManager<MethodInvocation> ruleOf(AnnotatedElement element) {
			AuthorizationManager<MethodInvocation> found = null;
			for (Map.Entry<Class<? extends Annotation>, AuthorizationManager<MethodInvocation>> rule : RULES.entrySet()) {
				if (AnnotatedElementUtils.hasAnnotation(element, rule.getKey())) {
					if (found != null) {
						throw new IllegalStateException("More than one role annotation on " + element);
					}
					found = rule.getValue();
				}
			}
			return found;
		}
	}
}
