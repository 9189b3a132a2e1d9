package kz.oqytu.shared.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Replaces the stack-trace wall of an unreachable database by what was tried and how to fix it. */
class DatabaseUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnavailableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnavailableException cause) {
		Throwable root = cause.getCause();
		while (root != null && root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String description = "Oqytu could not open its PostgreSQL database at " + cause.url() + " as user '"
				+ cause.username() + "' (" + (root == null ? "no reason given" : root.getMessage()) + ").";
		String action = "Start PostgreSQL on that address (on Debian: 'pg_ctlcluster 15 main start'), or run "
				+ "'docker compose up -d db' from the project folder, or point Oqytu at your server with "
				+ "SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD. "
				+ "The database itself is created on first start when the user may create databases.";
		return new FailureAnalysis(description, action, cause);
	}
}
