package kz.oqytu.accounts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Account administration: ADMIN only.
 * Checked before the method runs, with a class's annotation as the default of its methods
 * ({@code accounts.security.RoleAnnotationChecks}).
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface AdminOnly {
}
