package kz.oqytu.surveys.domain;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The public answers' own few connections (decision 0060): the survey submit's two statements (the limits'
 * count and the response with its answers) run on a pool of their own, to the same database, where
 * PostgreSQL keeps their plans.
 *
 * <p>The application's pool plans every statement for its own values ({@code plan_cache_mode =
 * force_custom_plan}, issue #17: a generic plan of {@code path like ?} reads the whole country). That
 * setting reaches every statement a connection runs, the foreign-key checks and trigger statements an
 * answer fires among them: an answer of 11 questions was planned about thirty times. The submit's
 * statements have no value a generic plan could misjudge (a survey, a device, a fingerprint), so their pool
 * keeps PostgreSQL's default. It also keeps a hall's answers from waiting for connections the staff's
 * pages hold, and theirs from waiting for a hall.
 *
 * <p>Inside a caller's transaction (the tests'; the application never submits in one) the answer joins
 * it on the application's pool ({@link #jdbc}), so that it sees what the transaction wrote and goes when
 * it is rolled back.
 */
@Configuration(proxyBeanMethods = false)
class AnswerConnections {

	static final String ANSWERS = "answers";

	/** A {@link HikariDataSource}, closed with the context (its {@code close}, inferred). */
	@Bean(defaultCandidate = false)
	@Qualifier(ANSWERS)
	DataSource answerDataSource(DataSource application, SurveyProperties properties,
			ObjectProvider<MeterRegistry> meters) throws SQLException {
		HikariDataSource main = application.unwrap(HikariDataSource.class);
		// The application pool's settings as the operator gave them (address, account, time-outs, lifetimes,
		// options, metrics), then what differs: the name, the size, and the plan cache.
		HikariConfig config = new HikariConfig();
		main.copyStateTo(config);
		config.setPoolName("oqytu-answers");
		Properties options = new Properties();
		options.putAll(main.getDataSourceProperties());
		// a later -c wins: PostgreSQL's default plan cache over the application's forced custom plans, every
		// other option (no JIT, decision 39; whatever an operator adds) as on the application's pool
		options.setProperty("options",
				(options.getProperty("options", "") + " -c plan_cache_mode=auto").strip());
		// named in pg_stat_activity, so an operator (and a test) tells its connections from the others
		options.setProperty("ApplicationName", "oqytu-answers");
		config.setDataSourceProperties(options);
		config.setMaximumPoolSize(properties.answerConnections());
		// none kept while nobody answers; a hall's first answers open them
		config.setMinimumIdle(0);
		config.setIdleTimeout(Duration.ofMinutes(5).toMillis());
		if (config.getMetricsTrackerFactory() == null && config.getMetricRegistry() == null) {
			meters.ifAvailable(config::setMetricRegistry);
		}
		return new HikariDataSource(config);
	}

	@Bean(defaultCandidate = false)
	@Qualifier(ANSWERS)
	JdbcClient answerJdbcClient(@Qualifier(ANSWERS) DataSource answers) {
		return JdbcClient.create(answers);
	}

	/** The answers' statements: on their own pool, or in the caller's transaction when there is one. */
	static JdbcClient jdbc(JdbcClient answers, JdbcClient application) {
		return TransactionSynchronizationManager.isActualTransactionActive() ? application : answers;
	}
}
