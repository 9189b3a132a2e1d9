package kz.oqytu.accounts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Any signed-in account; the handler must check the account's scope itself (a chair reaches only
 * their own organization).
 * Checked before the method runs, with a class's annotation as the default of its methods
 * ({@code accounts.security.RoleAnnotationChecks}).
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface AnyAccount {
}
