package kz.oqytu.shared.db;

import javax.sql.DataSource;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Before anything uses the pool (Flyway first), check that PostgreSQL answers and create the
 * database when it is missing, so that a first {@code ./mvnw spring-boot:run} just works.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseBootstrap {

	@Bean
	static BeanPostProcessor oqytuDatabaseCreatingPostProcessor(Environment environment) {
		return new BeanPostProcessor() {
			private boolean done;

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
				if (bean instanceof DataSource && !done && environment.getProperty("oqytu.database.create-if-missing", Boolean.class, true)) {
					done = true;
					String url = environment.getProperty("spring.datasource.url");
					if (url != null && url.startsWith("jdbc:postgresql:")) {
						DatabaseCreator.ensureExists(url, environment.getProperty("spring.datasource.username"),
								environment.getProperty("spring.datasource.password"));
					}
				}
				return bean;
			}
		};
	}
}
