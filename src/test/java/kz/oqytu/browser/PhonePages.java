package kz.oqytu.browser;

import java.time.Clock;
import java.time.LocalDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo data's pages that participants and chairs open on their phones (issue #19). */
final class PhonePages {

	private PhonePages() {
	}

	/**
	 * A post-event survey that is open now by the application's clock (its window set by hand), and
	 * its token: the page a participant's QR code opens.
	 */
	static String openSurvey(JdbcClient jdbc, Clock clock) {
		LocalDateTime now = LocalDateTime.now(clock);
		long id = jdbc.sql("select min(s.id) from event_survey s where s.kind = 'POST_EVENT'").query(Long.class).single();
		jdbc.sql("update event_survey set opens_at = :opens, closes_at = :closes, window_manual = true where id = :id")
			.param("opens", now.minusDays(1))
			.param("closes", now.plusDays(30))
			.param("id", id)
			.update();
		return jdbc.sql("select token from event_survey where id = :id").param("id", id).query(String.class).single();
	}

	static long chairOrganization(JdbcClient jdbc) {
		return jdbc.sql("select scope_unit_id from app_user where username = 'chair'").query(Long.class).single();
	}
}
