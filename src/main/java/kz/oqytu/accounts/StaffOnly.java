package kz.oqytu.accounts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/** Staff of a union body may read: ADMIN, METHODOLOGIST, EXECUTIVE, NATIONAL_OFFICER. */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("hasAnyRole('ADMIN','METHODOLOGIST','EXECUTIVE','NATIONAL_OFFICER')")
public @interface StaffOnly {
}
