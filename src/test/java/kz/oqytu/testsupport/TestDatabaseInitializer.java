package kz.oqytu.testsupport;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every test application context at the run's own PostgreSQL database (see
 * {@link TestDatabase}). Registered in META-INF/spring.factories of the test classpath.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final Logger log = LoggerFactory.getLogger(TestDatabaseInitializer.class);

	private static volatile boolean announced;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String name = context.getEnvironment().getProperty("oqytu.test.database-name", "main");
		String explicit = context.getEnvironment().getProperty("oqytu.test.database-url");
		TestDatabase.Connection db = explicit != null
				? new TestDatabase.Connection(explicit, TestDatabase.get().username(), TestDatabase.get().password(), explicit)
				: TestDatabase.get(name);
		if (!announced || !"main".equals(name)) {
			announced = true;
			log.info("Tests run on PostgreSQL: {}", db.source());
		}
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("oqytuTestDatabase",
					Map.of("spring.datasource.url", db.url(), "spring.datasource.username", db.username(),
							"spring.datasource.password", db.password())));
	}
}
