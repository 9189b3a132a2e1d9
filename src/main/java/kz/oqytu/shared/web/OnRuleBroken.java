package kz.oqytu.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where a POST handler goes back to when the service refuses the action with a
 * {@link kz.oqytu.shared.BusinessRuleException}: {@link RuleBrokenRedirects} redirects there with the
 * rule's message key ({@code flashError}) and arguments ({@code flashArgs}), as the handlers' own
 * {@code catch} blocks did. For actions that have no form to show again; a form re-renders itself
 * with {@link Forms#reject}.
 *
 * <pre>{@code @OnRuleBroken(redirect = "/events/{id}/checkin#entries")}</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnRuleBroken {

	/** The address; {@code {name}} takes the handler's path variable, or else the request parameter, of that name. */
	String redirect();

	/** Request parameters added to the address as a query when the request has them ({@code year}, {@code region}). */
	String[] keep() default {};
}
