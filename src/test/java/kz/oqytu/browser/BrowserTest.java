package kz.oqytu.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A user journey in a real Chromium against the application on a random port, over a database of
 * its own (fresh, with the demo data), so journeys that change figures never disturb other tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "oqytu.test.database-name=browser")
@ExtendWith(BrowserExtension.class)
public @interface BrowserTest {
}
