package kz.oqytu.operations;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

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
 * The backup of docs/deployment.md works: a pg_dump restored into a new database gives the identical
 * annual report (every figure and breakdown), read by an application started on the restored copy.
 */
class BackupRestoreTests {

	private static final CurrentUser EXECUTIVE = new CurrentUser(0, "executive", "Executive", Role.EXECUTIVE, 2, "/1/2/");

	@Test
	void aRestoredDumpGivesTheIdenticalAnnualReport() throws Exception {
		TestDatabase.Connection source = TestDatabase.get("backup");
		AnnualCoverageReport original;
		CoverageBreakdowns originalBreakdowns;
		try (ConfigurableApplicationContext app = start("--oqytu.test.database-name=backup")) {
			CoverageReports reports = app.getBean(CoverageReports.class);
			original = reports.annual(EXECUTIVE, Optional.empty(), 2025);
			originalBreakdowns = reports.breakdowns(EXECUTIVE, Optional.empty(), 2025);
		}
		assertThat(original.current().trained()).isEqualTo(6_101);

		Path dump = Files.createTempFile("oqytu", ".dump");
		String restoredUrl = DatabaseCreator.withDatabase(source.url(),
				DatabaseCreator.databaseName(source.url()) + "_restored");
		try {
			run(List.of("pg_dump", "--format=custom", "--no-owner", "--file=" + dump, "--dbname=" + libpq(source.url(), source)));
			DatabaseCreator.ensureExists(restoredUrl, source.username(), source.password());
			run(List.of("pg_restore", "--no-owner", "--dbname=" + libpq(restoredUrl, source), dump.toString()));
			try (ConfigurableApplicationContext app = start("--oqytu.test.database-url=" + restoredUrl)) {
				CoverageReports reports = app.getBean(CoverageReports.class);
				assertThat(reports.annual(EXECUTIVE, Optional.empty(), 2025)).isEqualTo(original);
				assertThat(reports.breakdowns(EXECUTIVE, Optional.empty(), 2025)).isEqualTo(originalBreakdowns);
			}
		}
		finally {
			DatabaseCreator.drop(restoredUrl, source.username(), source.password());
			Files.deleteIfExists(dump);
		}
	}

	private static ConfigurableApplicationContext start(String database) {
		return new SpringApplicationBuilder(OqytuApplication.class).run("--server.port=0", database,
				"--oqytu.jobs.enabled=false");
	}

	/** A libpq address for the command-line tools from the JDBC one. */
	private static String libpq(String jdbcUrl, TestDatabase.Connection credentials) {
		String rest = jdbcUrl.substring("jdbc:postgresql://".length());
		int query = rest.indexOf('?');
		rest = query >= 0 ? rest.substring(0, query) : rest;
		return "postgresql://" + credentials.username() + ":" + credentials.password() + "@" + rest;
	}

	private static void run(List<String> command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/backup-restore.log")))
			.start();
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(command.get(0) + " finished").isTrue();
		assertThat(process.exitValue()).as(command.get(0) + " exit code (see target/backup-restore.log)").isZero();
	}
}
