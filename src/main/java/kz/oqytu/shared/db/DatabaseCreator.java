package kz.oqytu.shared.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the application's database on first start when it is missing and the role may, by
 * connecting to the server's maintenance database. Plain JDBC: it runs before any pool exists.
 */
public final class DatabaseCreator {

	private static final Logger log = LoggerFactory.getLogger(DatabaseCreator.class);

	private static final Pattern PG_URL = Pattern.compile("^(jdbc:postgresql://[^/]*/)([^?;]+)(.*)$");

	private static final String UNDEFINED_DATABASE = "3D000";

	private static final String INVALID_PASSWORD = "28P01";

	private DatabaseCreator() {
	}

	/** The database name in a PostgreSQL JDBC URL, or null when the URL has none we can read. */
	public static String databaseName(String url) {
		Matcher m = PG_URL.matcher(url == null ? "" : url);
		return m.matches() ? m.group(2) : null;
	}

	/** The same server and parameters, another database. */
	public static String withDatabase(String url, String database) {
		Matcher m = PG_URL.matcher(url);
		if (!m.matches()) {
			throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + url);
		}
		return m.group(1) + database + m.group(3);
	}

	/**
	 * Makes sure the database in {@code url} exists. Throws {@link DatabaseUnavailableException} when
	 * the server cannot be reached or entered at all.
	 */
	public static void ensureExists(String url, String username, String password) {
		String database = databaseName(url);
		if (database == null) {
			return;
		}
		try (Connection ignored = connect(url, username, password)) {
			return;
		}
		catch (SQLException ex) {
			if (!UNDEFINED_DATABASE.equals(ex.getSQLState())) {
				throw new DatabaseUnavailableException(url, username, ex);
			}
		}
		String maintenanceUrl = withDatabase(url, "postgres");
		try (Connection connection = connect(maintenanceUrl, username, password)) {
			if (!exists(connection, database)) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("CREATE DATABASE " + quoteIdentifier(database) + " ENCODING 'UTF8' TEMPLATE template0");
				}
				log.info("Created PostgreSQL database '{}'", database);
			}
		}
		catch (SQLException ex) {
			throw new DatabaseUnavailableException(url, username,
					new SQLException("database '" + database + "' does not exist and could not be created: "
							+ ex.getMessage(), ex.getSQLState(), ex));
		}
	}

	public static void drop(String url, String username, String password) {
		String database = databaseName(url);
		try (Connection connection = connect(withDatabase(url, "postgres"), username, password);
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + quoteIdentifier(database) + " WITH (FORCE)");
		}
		catch (SQLException ex) {
			log.warn("Could not drop database '{}': {}", database, ex.getMessage());
		}
	}

	public static boolean isAuthenticationFailure(SQLException ex) {
		return INVALID_PASSWORD.equals(ex.getSQLState());
	}

	private static boolean exists(Connection connection, String database) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			statement.setString(1, database);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next();
			}
		}
	}

	static Connection connect(String url, String username, String password) throws SQLException {
		Properties properties = new Properties();
		if (username != null) {
			properties.setProperty("user", username);
		}
		if (password != null) {
			properties.setProperty("password", password);
		}
		properties.setProperty("connectTimeout", "5");
		properties.setProperty("loginTimeout", "5");
		return DriverManager.getConnection(url, properties);
	}

	static String quoteIdentifier(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}
}
