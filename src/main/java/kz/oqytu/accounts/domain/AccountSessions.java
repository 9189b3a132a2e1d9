package kz.oqytu.accounts.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ends an account's sessions at once, on every instance: they live in PostgreSQL (Spring Session
 * JDBC, indexed by principal name, web's tables), so ending them through web's {@code web_end_sessions}
 * (V384) in the transaction that changes the account ends them with it, or not at all if it rolls back. The reason is kept by session id for
 * the login page ({@code account_ended_session}, V120).
 */
@Component
public class AccountSessions {

	private static final String END = """
			WITH ended AS (
				SELECT e.session_id FROM web_end_sessions(:username, :keep) e)
			INSERT INTO account_ended_session (session_id, reason, ended_at)
			SELECT session_id, :reason, :now FROM ended
			ON CONFLICT (session_id) DO UPDATE SET reason = excluded.reason, ended_at = excluded.ended_at
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration retention;

	AccountSessions(JdbcClient jdbc, Clock clock,
			@Value("${oqytu.session.absolute-lifetime:12h}") Duration absoluteLifetime) {
		this.jdbc = jdbc;
		this.clock = clock;
		// Past the absolute lifetime the session would have ended anyway: its reason is no longer news.
		this.retention = absoluteLifetime;
	}

	/** Ends every session of the account; returns how many there were. */
	int endAll(String username, SessionEndReason reason) {
		return endAllBut(username, "", reason);
	}

	/** Ends every session of the account except {@code keepSessionId} (the one making the change). */
	int endAllBut(String username, String keepSessionId, SessionEndReason reason) {
		OffsetDateTime now = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		this.jdbc.sql("DELETE FROM account_ended_session WHERE ended_at < :cutoff")
			.param("cutoff", now.minus(this.retention))
			.update();
		return this.jdbc.sql(END)
			.param("username", username)
			.param("keep", keepSessionId == null ? "" : keepSessionId)
			.param("reason", reason.name())
			.param("now", now)
			.update();
	}

	/** Why the session with this id was ended on purpose, if it was (and recently). */
	public Optional<SessionEndReason> endedBecause(String sessionId) {
		if (sessionId == null || sessionId.length() > 36) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT reason FROM account_ended_session WHERE session_id = :id")
			.param("id", sessionId)
			.query(String.class)
			.optional()
			.map(SessionEndReason::valueOf);
	}
}
