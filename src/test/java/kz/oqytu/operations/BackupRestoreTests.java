package kz.oqytu.operations;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import kz.oqytu.OqytuApplication;
import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.Role;
import kz.oqytu.reports.AnnualCoverageReport;
import kz.oqytu.reports.CoverageBreakdowns;
import kz.oqytu.reports.CoverageReports;
import kz.oqytu.shared.db.DatabaseCreator;
import kz.oqytu.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backup that ships works: deploy/backup.sh, the very file compose.prod.yml's backup service runs,
 * dumps the database with its retention, and its restore into a new database gives the identical annual
 * report (every figure and breakdown, the seed figures among them), read by an application started on
 * the restored copy. The steps are those of docs/operations.md.
 */
class BackupRestoreTests {

	private static final CurrentUser EXECUTIVE = new CurrentUser(0, "executive", "Executive", Role.EXECUTIVE, 2, "/1/2/");

	private static final Path SCRIPT = Path.of("deploy/backup.sh");

	@Test
	void theShippedBackupScriptDumpsPrunesAndRestoresTheWholeDatabase() throws Exception {
		TestDatabase.Connection source = TestDatabase.get("backup");
		AnnualCoverageReport original;
		CoverageBreakdowns originalBreakdowns;
		try (ConfigurableApplicationContext app = start("--oqytu.test.database-name=backup")) {
			CoverageReports reports = app.getBean(CoverageReports.class);
			original = reports.annual(EXECUTIVE, Optional.empty(), 2025);
			originalBreakdowns = reports.breakdowns(EXECUTIVE, Optional.empty(), 2025);
		}
		assertSeedFigures(original);

		Path backups = Files.createTempDirectory("oqytu-backups");
		// Dumps written 20 and 2 days ago (by the folder's own clock): with 7 days kept, the first goes.
		FileTime fresh = Files.getLastModifiedTime(backups);
		Path expired = touch(backups.resolve("oqytu-20200101T000000Z.dump"), fresh, Duration.ofDays(20));
		Path kept = touch(backups.resolve("oqytu-20200102T000000Z.dump"), fresh, Duration.ofDays(2));
		String restoredName = DatabaseCreator.databaseName(source.url()) + "_restored";
		String restoredUrl = DatabaseCreator.withDatabase(source.url(), restoredName);
		try {
			script(source, backups, "once");
			List<Path> dumps = dumps(backups);
			assertThat(dumps).as("the new dump and the one within 7 days").hasSize(2).contains(kept).doesNotContain(expired);
			Path dump = dumps.stream().filter(p -> !p.equals(kept)).findFirst().orElseThrow();
			assertThat(dump.getFileName().toString()).matches("oqytu-\\d{8}T\\d{6}Z\\.dump");
			assertThat(Files.size(dump)).isGreaterThan(100_000);
			assertThat(backups.resolve("last-success")).exists();

			script(source, backups, "restore", dump.toString(), restoredName);
			try (ConfigurableApplicationContext app = start("--oqytu.test.database-url=" + restoredUrl)) {
				CoverageReports reports = app.getBean(CoverageReports.class);
				AnnualCoverageReport restored = reports.annual(EXECUTIVE, Optional.empty(), 2025);
				assertSeedFigures(restored);
				assertThat(restored).isEqualTo(original);
				assertThat(reports.breakdowns(EXECUTIVE, Optional.empty(), 2025)).isEqualTo(originalBreakdowns);
			}
			// Never over a database that exists: a second restore under the same name is refused.
			assertThat(exitCode(source, backups, "restore", dump.toString(), restoredName)).isNotZero();
		}
		finally {
			DatabaseCreator.drop(restoredUrl, source.username(), source.password());
			FileSystemUtils.deleteRecursively(backups);
		}
	}

	private static void assertSeedFigures(AnnualCoverageReport report) {
		assertThat(report.previous().members()).isEqualTo(33_468L);
		assertThat(report.current().members()).isEqualTo(33_557L);
		assertThat(report.current().trained()).isEqualTo(6_101);
		assertThat(report.current().events()).isEqualTo(64);
	}

	private static ConfigurableApplicationContext start(String database) {
		return new SpringApplicationBuilder(OqytuApplication.class).run("--server.port=0", database,
				"--oqytu.jobs.enabled=false");
	}

	private static Path touch(Path file, FileTime reference, Duration age) throws Exception {
		Files.writeString(file, "an older dump");
		Files.setLastModifiedTime(file, FileTime.fromMillis(reference.toMillis() - age.toMillis()));
		return file;
	}

	private static List<Path> dumps(Path folder) throws Exception {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(p -> p.getFileName().toString().endsWith(".dump")).sorted().toList();
		}
	}

	private static void script(TestDatabase.Connection db, Path backups, String... arguments) throws Exception {
		assertThat(exitCode(db, backups, arguments)).as("deploy/backup.sh " + String.join(" ", arguments)
				+ " exit code (see target/backup-restore.log)").isZero();
	}

	/** Runs the script with the libpq variables of the database, as the compose service sets them. */
	private static int exitCode(TestDatabase.Connection db, Path backups, String... arguments) throws Exception {
		URI address = URI.create(db.url().substring("jdbc:".length()));
		Map<String, String> environment = new HashMap<>();
		environment.put("PGHOST", address.getHost());
		environment.put("PGPORT", String.valueOf(address.getPort() < 0 ? 5432 : address.getPort()));
		environment.put("PGUSER", db.username());
		environment.put("PGPASSWORD", db.password());
		environment.put("PGDATABASE", DatabaseCreator.databaseName(db.url()));
		environment.put("OQYTU_BACKUP_DIR", backups.toString());
		environment.put("OQYTU_BACKUP_KEEP_DAYS", "7");
		List<String> command = new java.util.ArrayList<>(List.of("sh", SCRIPT.toString()));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/backup-restore.log")));
		builder.environment().putAll(environment);
		Process process = builder.start();
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(String.join(" ", command) + " finished").isTrue();
		return process.exitValue();
	}
}
