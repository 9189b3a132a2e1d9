package kz.oqytu.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application on the run's real PostgreSQL database, with the demo data loaded, and a
 * MockMvc that goes through the security filters. One shared context for all such tests.
 *
 * <p>Tests that write must not disturb the demo figures other tests pin: they write into years
 * after 2026 or into organizations they create themselves.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestSupportConfig.class, StatementCounter.class })
public @interface OqytuIntegrationTest {
}
