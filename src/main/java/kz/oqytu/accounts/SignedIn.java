package kz.oqytu.accounts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler parameter of type {@link CurrentUser} that receives the signed-in account
 * ({@code @SignedIn CurrentUser me}), as {@link CurrentUsers#require()} would return it: without a
 * signed-in account the request fails with {@link kz.oqytu.shared.NotFoundException}. Named
 * {@code SignedIn}, not {@code CurrentUser}, because the record already holds that name.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SignedIn {
}
