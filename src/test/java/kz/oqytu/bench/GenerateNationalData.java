package kz.oqytu.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import org.flywaydb.core.Flyway;

import kz.oqytu.shared.db.DatabaseCreator;

/**
 * {@code bench/run}'s data step: creates the bench database when missing, migrates it with the
 * application's Flyway migrations, and generates the national data unless it is there already.
 * Refuses any database whose name does not contain "bench", so it cannot fill a real one.
 *
 * <p>With {@code --stamp=...} (bench/run passes a hash of the generator's sources, the migrations' names and contents,
 * the seed and the scale) the database is versioned: the stamp is kept in {@code bench_stamp}, and a
 * database holding another stamp, or data without one, is dropped and generated again. Without a
 * stamp, a database holding generated data is reused as it is.
 *
 * <p>Test scope (decision 0034): bench/run runs it from the production jar with the bench classes on
 * {@code loader.path}:
 * <pre>java -Dloader.path=target/bench-classes -Dloader.main=kz.oqytu.bench.GenerateNationalData -cp oqytu.jar \
 *   org.springframework.boot.loader.launch.PropertiesLauncher --url=jdbc:postgresql://localhost:5432/oqytu_bench \
 *   --seed=20261122 --scale=1.0 --stamp=...</pre>
 */
public final class GenerateNationalData {

	private GenerateNationalData() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> a = new HashMap<>();
		for (String arg : args) {
			if (arg.startsWith("--") && arg.contains("=")) {
				a.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
			}
		}
		String url = a.getOrDefault("url", "jdbc:postgresql://localhost:5432/oqytu_bench");
		String user = a.getOrDefault("user", "postgres");
		String password = a.getOrDefault("password", "postgres");
		long seed = Long.parseLong(a.getOrDefault("seed", "20261122"));
		double scale = Double.parseDouble(a.getOrDefault("scale", "1.0"));
		NationalDataGenerator.Totals totals = prepare(url, user, password, seed, scale, a.get("stamp"),
				System.out::println);
		System.out.println(totals == null ? "bench data present: reused" : "generated: " + totals);
	}

	/** Migrates and generates; returns null when the database holds generated data already. */
	public static NationalDataGenerator.Totals prepare(String url, String user, String password, long seed, double scale,
			java.util.function.Consumer<String> log) throws Exception {
		return prepare(url, user, password, seed, scale, null, log);
	}

	/**
	 * Migrates and generates; returns null when the database holds generated data already (and, with a
	 * stamp, that stamp). A stamp that differs drops the database first: it is generated from scratch.
	 */
	public static NationalDataGenerator.Totals prepare(String url, String user, String password, long seed, double scale,
			String stamp, java.util.function.Consumer<String> log) throws Exception {
		if (!DatabaseCreator.databaseName(url).contains("bench")) {
			throw new IllegalArgumentException("refusing to generate bench data into " + url
					+ ": the database's name must contain \"bench\"");
		}
		DatabaseCreator.ensureExists(url, user, password);
		if (stamp != null) {
			String held = stampOf(url, user, password);
			if (stamp.equals(held)) {
				log.accept("bench data stamped " + stamp + ": reused");
				return null;
			}
			if (held != null || hasData(url, user, password)) {
				log.accept("bench data stamped " + (held == null ? "(none)" : held) + ", wanted " + stamp
						+ ": dropping " + DatabaseCreator.databaseName(url) + " and generating it again");
				DatabaseCreator.drop(url, user, password);
				DatabaseCreator.ensureExists(url, user, password);
			}
		}
		log.accept("migrating " + url);
		Flyway.configure()
			.dataSource(url, user, password)
			.locations("classpath:db/migration")
			.outOfOrder(true)
			.load()
			.migrate();
		if (hasData(url, user, password)) {
			return null;
		}
		try (Connection c = DriverManager.getConnection(url, user, password)) {
			log.accept("generating seed " + seed + " scale " + scale);
			NationalDataGenerator.Totals totals = new NationalDataGenerator(seed, scale, log).generate(c);
			if (stamp != null) {
				try (var s = c.prepareStatement("create table bench_stamp (version text not null);"
						+ " insert into bench_stamp (version) values (?)")) {
					s.setString(1, stamp);
					s.execute();
				}
			}
			return totals;
		}
	}

	/** The stamp a bench database holds, or null (no stamp table, or not generated with one). */
	static String stampOf(String url, String user, String password) throws SQLException {
		try (Connection c = DriverManager.getConnection(url, user, password)) {
			if (!exists(c, "bench_stamp")) {
				return null;
			}
			try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select version from bench_stamp")) {
				return rs.next() ? rs.getString(1) : null;
			}
		}
	}

	private static boolean hasData(String url, String user, String password) throws SQLException {
		try (Connection c = DriverManager.getConnection(url, user, password)) {
			if (!exists(c, "org_unit")) {
				return false;
			}
			try (Statement s = c.createStatement();
					ResultSet rs = s.executeQuery("select exists (select 1 from org_unit where level = 'PRIMARY')")) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	private static boolean exists(Connection c, String table) throws SQLException {
		try (var s = c.prepareStatement("select to_regclass(?) is not null")) {
			s.setString(1, table);
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}
}
