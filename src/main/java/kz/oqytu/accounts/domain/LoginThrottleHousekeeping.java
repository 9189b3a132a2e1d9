package kz.oqytu.accounts.domain;

import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import kz.oqytu.shared.jobs.Housekeeping;

/** Nightly: login-throttle rows older than a day, unless they still hold a wait. */
@Component
class LoginThrottleHousekeeping implements Housekeeping {

	private final JdbcClient jdbc;

	LoginThrottleHousekeeping(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "throttles";
	}

	@Override
	public int purge(OffsetDateTime now) {
		return jdbc.sql("delete from login_throttle where first_failure_at < :now - interval '1 day'"
				+ " and (locked_until is null or locked_until < :now)")
			.param("now", now)
			.update();
	}
}
