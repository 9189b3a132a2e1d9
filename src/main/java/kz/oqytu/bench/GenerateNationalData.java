package kz.oqytu.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
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
 * <pre>java -Dloader.main=kz.oqytu.bench.GenerateNationalData -cp oqytu.jar \
 *   org.springframework.boot.loader.launch.PropertiesLauncher --url=jdbc:postgresql://localhost:5432/oqytu_bench \
 *   --seed=20261122 --scale=1.0</pre>
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
		NationalDataGenerator.Totals totals = prepare(url, user, password, seed, scale, System.out::println);
		System.out.println(totals == null ? "bench data present: reused" : "generated: " + totals);
	}

	/** Migrates and generates; returns null when the database holds generated data already. */
	public static NationalDataGenerator.Totals prepare(String url, String user, String password, long seed, double scale,
			java.util.function.Consumer<String> log) throws Exception {
		if (!DatabaseCreator.databaseName(url).contains("bench")) {
			throw new IllegalArgumentException("refusing to generate bench data into " + url
					+ ": the database's name must contain \"bench\"");
		}
		DatabaseCreator.ensureExists(url, user, password);
		log.accept("migrating " + url);
		Flyway.configure()
			.dataSource(url, user, password)
			.locations("classpath:db/migration")
			.outOfOrder(true)
			.load()
			.migrate();
		try (Connection c = DriverManager.getConnection(url, user, password)) {
			try (Statement s = c.createStatement();
					ResultSet rs = s.executeQuery("select count(*) from org_unit where level = 'PRIMARY'")) {
				rs.next();
				if (rs.getLong(1) > 0) {
					return null;
				}
			}
			log.accept("generating seed " + seed + " scale " + scale);
			return new NationalDataGenerator(seed, scale, log).generate(c);
		}
	}
}
