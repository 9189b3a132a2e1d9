package kz.oqytu.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import kz.oqytu.shared.db.DatabaseCreator;

/**
 * The PostgreSQL the tests run on, chosen once per test JVM: a URL from the environment
 * ({@code OQYTU_TEST_DATABASE_URL}), else a Testcontainers PostgreSQL when a Docker engine answers,
 * else the PostgreSQL on localhost:5432. On that server each run creates a database of its own and
 * drops it at the end, so runs never see each other's data. Never an in-memory stand-in.
 */
public final class TestDatabase {

	private static final String PREFIX = "oqytu_test_";

	/** Databases of runs that were killed before they could drop theirs are removed after this. */
	private static final long STALE_SECONDS = 6 * 3600;

	private static final java.util.Map<String, Connection> BY_NAME = new java.util.HashMap<>();

	private TestDatabase() {
	}

	/** Where the tests' database is. */
	public record Connection(String url, String username, String password, String source) {
	}

	/** The run's main test database. */
	public static Connection get() {
		return get("main");
	}

	/**
	 * A database of its own for a group of tests (e.g. the browser journeys, which change figures
	 * other tests pin), on the same server, created and dropped with the run.
	 */
	public static synchronized Connection get(String name) {
		return BY_NAME.computeIfAbsent(name, n -> choose(n));
	}

	private static Connection choose(String name) {
		String url = System.getenv("OQYTU_TEST_DATABASE_URL");
		String username = envOr("OQYTU_TEST_DATABASE_USERNAME", "postgres");
		String password = envOr("OQYTU_TEST_DATABASE_PASSWORD", "postgres");
		List<String> tried = new ArrayList<>();
		if (url != null && !url.isBlank()) {
			return perRun(url, username, password, "OQYTU_TEST_DATABASE_URL", tried, name);
		}
		if (dockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
			container.start();
			Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
			return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
					"Testcontainers " + container.getDockerImageName());
		}
		tried.add("Testcontainers (no Docker engine answered)");
		return perRun("jdbc:postgresql://localhost:5432/postgres", username, password, "localhost:5432", tried, name);
	}

	private static Connection perRun(String serverUrl, String username, String password, String source,
			List<String> tried, String name) {
		String database = PREFIX + Instant.now().getEpochSecond() + "_"
				+ Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff))
				+ ("main".equals(name) ? "" : "_" + name.replaceAll("[^a-z0-9]", ""));
		String runUrl = DatabaseCreator.withDatabase(serverUrl, database);
		try (java.sql.Connection c = connect(DatabaseCreator.withDatabase(serverUrl, "postgres"), username, password);
				Statement s = c.createStatement()) {
			dropStale(c);
			s.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
		}
		catch (SQLException ex) {
			if (!"localhost:5432".equals(source)) {
				// The given server does not let us create databases: use the given database as it is.
				return new Connection(serverUrl, username, password, source + " (shared: could not create "
						+ database + ": " + ex.getMessage() + ")");
			}
			tried.add(source + " (" + ex.getMessage() + ")");
			throw new IllegalStateException("The tests need a real PostgreSQL and found none. Tried: "
					+ String.join("; ", tried) + ". Start PostgreSQL on localhost:5432 (Debian: "
					+ "'pg_ctlcluster 15 main start'; user postgres, password postgres), run a Docker engine for "
					+ "Testcontainers, or set OQYTU_TEST_DATABASE_URL (with _USERNAME and _PASSWORD).", ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> DatabaseCreator.drop(runUrl, username, password)));
		return new Connection(runUrl, username, password, source + " database " + database);
	}

	private static void dropStale(java.sql.Connection c) throws SQLException {
		List<String> stale = new ArrayList<>();
		long now = Instant.now().getEpochSecond();
		try (Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'oqytu\\_test\\_%'")) {
			while (rs.next()) {
				String name = rs.getString(1);
				String[] parts = name.substring(PREFIX.length()).split("_");
				try {
					if (now - Long.parseLong(parts[0]) > STALE_SECONDS) {
						stale.add(name);
					}
				}
				catch (NumberFormatException ex) {
					// not one of ours
				}
			}
		}
		for (String name : stale) {
			try (Statement s = c.createStatement()) {
				s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
			}
			catch (SQLException ex) {
				// another run may be dropping it at the same moment
			}
		}
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	private static java.sql.Connection connect(String url, String username, String password) throws SQLException {
		Properties p = new Properties();
		p.setProperty("user", username);
		p.setProperty("password", password);
		p.setProperty("connectTimeout", "5");
		return DriverManager.getConnection(url, p);
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}
}
