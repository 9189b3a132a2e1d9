package kz.oqytu.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;

/**
 * One application module (the test's package) with the {@code shared} infrastructure (clock,
 * database bootstrap, jobs), on a real PostgreSQL: Spring Modulith's {@link ApplicationModuleTest}.
 * Other modules' beans, the security filter chain and the demo data are not there, so a module test
 * makes its own rows or relies on the reference data of the migrations only (decision 0058).
 *
 * <p>All module tests share one database of the run, {@code modules}, migrated by Flyway at the first
 * boot and never demo-loaded, so they cannot disturb the figures the full-application tests pin.
 * No scheduled jobs run in them: a module test runs a job by hand, and the cached contexts of other
 * modules do not work on its rows behind its back (each has its own clock, started anew).
 * Each module is one context boot: keep a module's tests on the same attributes (and without their
 * own properties or imports) so that they share one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ApplicationModuleTest(extraIncludes = "shared")
@TestPropertySource(properties = { "oqytu.test.database-name=modules", "oqytu.demo-data=false", "oqytu.jobs.enabled=false" })
public @interface OqytuModuleTest {

	/** Which modules beside the test's own start: by default none (but {@code shared}). */
	@AliasFor(annotation = ApplicationModuleTest.class, attribute = "mode")
	BootstrapMode mode() default BootstrapMode.STANDALONE;

	/**
	 * Modules started beside those the mode names; {@code shared} always. A module whose own beans need
	 * an implementation another module provides (accounts' {@code OrganizationDirectory}) names it here.
	 */
	@AliasFor(annotation = ApplicationModuleTest.class, attribute = "extraIncludes")
	String[] extraIncludes() default "shared";
}
