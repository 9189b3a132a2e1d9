package kz.oqytu.accounts.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import java.time.Clock;

/**
 * Slows password guessing per account name: five failures within fifteen minutes lock the name for
 * fifteen minutes (at most twenty tries an hour), then it opens by itself. Kept in PostgreSQL so all
 * instances agree. Unknown names are counted the same way, so the answer never tells them apart.
 */
@Component
public class LoginThrottle {

	static final int MAX_FAILURES = 5;

	static final Duration WINDOW = Duration.ofMinutes(15);

	static final Duration LOCK = Duration.ofMinutes(15);

	private final JdbcClient jdbc;


	private final Clock clock;
	LoginThrottle(JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/** When the name opens again, if it is locked now. */
	@Transactional(readOnly = true)
	public Optional<Instant> lockedUntil(String username) {
		return jdbc.sql("select locked_until from login_throttle where username = :u and locked_until > :now")
			.param("u", key(username))
			.param("now", OffsetDateTime.now(clock))
			.query(OffsetDateTime.class)
			.optional()
			.map(OffsetDateTime::toInstant);
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(AuthenticationFailureBadCredentialsEvent event) {
		recordFailure(String.valueOf(event.getAuthentication().getName()));
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(AuthenticationSuccessEvent event) {
		jdbc.sql("delete from login_throttle where username = :u").param("u", key(event.getAuthentication().getName())).update();
	}

	void recordFailure(String username) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		// One statement: start a new window, or count within it, and lock at the fifth failure.
		jdbc.sql("""
				insert into login_throttle (username, failures, first_failure_at) values (:u, 1, :now)
				on conflict (username) do update set
				  failures = case when login_throttle.first_failure_at < :windowStart then 1 else login_throttle.failures + 1 end,
				  first_failure_at = case when login_throttle.first_failure_at < :windowStart then :now else login_throttle.first_failure_at end,
				  locked_until = case
				    when login_throttle.first_failure_at >= :windowStart and login_throttle.failures + 1 >= :max then :lockUntil
				    else login_throttle.locked_until end
				""")
			.param("u", key(username))
			.param("now", now)
			.param("windowStart", now.minus(WINDOW))
			.param("max", MAX_FAILURES)
			.param("lockUntil", now.plus(LOCK))
			.update();
		// A lock starts a new count once it has run out.
		jdbc.sql("update login_throttle set failures = 0, first_failure_at = :now where username = :u"
				+ " and locked_until is not null and locked_until <= :now")
			.param("u", key(username))
			.param("now", now)
			.update();
	}

	static String key(String username) {
		String u = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
		return u.length() > 64 ? u.substring(0, 64) : u;
	}
}
