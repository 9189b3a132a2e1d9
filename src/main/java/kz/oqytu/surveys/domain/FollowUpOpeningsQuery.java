package kz.oqytu.surveys.domain;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.surveys.FollowUpOpenings;

/** Follow-up surveys opening in a window, one statement. */
@Service
class FollowUpOpeningsQuery implements FollowUpOpenings {

	private final JdbcClient jdbc;

	private final String publicUrl;

	FollowUpOpeningsQuery(JdbcClient jdbc, Environment environment) {
		this.jdbc = jdbc;
		String url = environment.getProperty("oqytu.public-url", "http://localhost:8080");
		this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	@Override
	@Transactional(readOnly = true)
	public List<FollowUpOpening> opening(LocalDateTime from, LocalDateTime to) {
		return jdbc.sql("""
				select s.id, s.event_id, e.organizer_unit_id, e.title_kk, e.title_ru, s.opens_at, s.closes_at,
				       s.token, s.short_code
				from event_survey s join training_v_event e on e.id = s.event_id
				where s.kind = 'FOLLOW_UP' and e.status <> 'CANCELLED' and s.opens_at >= :from and s.opens_at < :to
				order by s.opens_at, s.id""")
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new FollowUpOpening(rs.getLong("id"), rs.getLong("event_id"), rs.getLong("organizer_unit_id"),
					rs.getString("title_kk"), rs.getString("title_ru"), rs.getTimestamp("opens_at").toLocalDateTime(),
					rs.getTimestamp("closes_at").toLocalDateTime(), publicUrl + "/s/" + rs.getString("token"),
					rs.getString("short_code")))
			.list();
	}
}
