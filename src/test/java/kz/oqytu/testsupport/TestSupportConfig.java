package kz.oqytu.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** Test helpers every integration test can inject. */
@TestConfiguration(proxyBeanMethods = false)
@Import(Users.class)
public class TestSupportConfig {
}
