package kz.oqytu.shared;

import java.sql.DriverManager;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

import kz.oqytu.shared.db.DatabaseCreator;
import kz.oqytu.shared.db.DatabaseUnavailableException;
import kz.oqytu.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** First start creates the database; an unreachable server gets one clear paragraph. */
class DatabaseCreatorTests {

	@Test
	void createsAMissingDatabaseOnTheServer() throws Exception {
		TestDatabase.Connection db = TestDatabase.get();
		String url = DatabaseCreator.withDatabase(db.url(), "oqytu_creator_check_" + ProcessHandle.current().pid());
		try {
			DatabaseCreator.ensureExists(url, db.username(), db.password());
			try (var connection = DriverManager.getConnection(url, db.username(), db.password())) {
				assertThat(connection.isValid(2)).isTrue();
			}
			// A second start finds it there and does nothing.
			DatabaseCreator.ensureExists(url, db.username(), db.password());
		}
		finally {
			DatabaseCreator.drop(url, db.username(), db.password());
		}
	}

	@Test
	void anUnreachableServerIsExplainedNotDumped() throws Exception {
		String url = "jdbc:postgresql://127.0.0.1:1/oqytu";
		assertThatThrownBy(() -> DatabaseCreator.ensureExists(url, "postgres", "postgres"))
			.isInstanceOf(DatabaseUnavailableException.class)
			.satisfies(ex -> {
				var analyzerClass = Class.forName("kz.oqytu.shared.db.DatabaseUnavailableFailureAnalyzer");
				var constructor = analyzerClass.getDeclaredConstructor();
				constructor.setAccessible(true);
				var analyzer = (org.springframework.boot.diagnostics.FailureAnalyzer) constructor.newInstance();
				FailureAnalysis analysis = analyzer.analyze(ex);
				assertThat(analysis.getDescription()).contains(url).contains("postgres");
				assertThat(analysis.getAction()).contains("docker compose up -d db").contains("SPRING_DATASOURCE_URL");
			});
	}

	@Test
	void readsAndReplacesTheDatabaseName() {
		assertThat(DatabaseCreator.databaseName("jdbc:postgresql://localhost:5432/oqytu?ssl=false")).isEqualTo("oqytu");
		assertThat(DatabaseCreator.withDatabase("jdbc:postgresql://db:5432/oqytu?ssl=false", "postgres"))
			.isEqualTo("jdbc:postgresql://db:5432/postgres?ssl=false");
	}
}
