package kz.oqytu.notifications.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.notifications.Notification;

/** What the admin's outbox page reads and does: lists, one message in full, retry, a test message. */
@Service
public class OutboxAdmin {

	public static final List<String> STATUSES = List.of("PENDING", "SENT", "LOGGED", "FAILED");

	private static final int PAGE = 50;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Outbox outbox;

	OutboxAdmin(JdbcClient jdbc, Clock clock, Outbox outbox) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.outbox = outbox;
	}

	/** A line of the outbox list. */
	public record OutboxRow(long id, String kind, String recipient, String locale, String subject, String status,
			int attempts, String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt) {
	}

	/** One message as it was (or will be) sent. */
	public record OutboxMessage(long id, String kind, String recipient, String locale, String subject, String status,
			int attempts, String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt, String bodyText,
			String bodyHtml) {
	}

	@Transactional(readOnly = true)
	public Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		STATUSES.forEach(s -> counts.put(s, 0L));
		jdbc.sql("select status, count(*) as n from mail_outbox group by status").query()
			.listOfRows().forEach(r -> counts.put((String) r.get("status"), ((Number) r.get("n")).longValue()));
		return counts;
	}

	/** The newest messages of a status (null: all), 50 a page. */
	@Transactional(readOnly = true)
	public List<OutboxRow> list(String status, int page) {
		String where = status == null ? "" : "where status = :status ";
		var spec = jdbc.sql("select id, kind, recipient, locale, subject, status, attempts, last_error, created_at,"
				+ " next_attempt_at, sent_at from mail_outbox " + where + "order by created_at desc, id desc limit :limit offset :offset")
			.param("limit", PAGE + 1)
			.param("offset", Math.max(page, 0) * PAGE);
		if (status != null) {
			spec = spec.param("status", status);
		}
		return spec.query((rs, n) -> new OutboxRow(rs.getLong("id"), rs.getString("kind"), rs.getString("recipient"),
				rs.getString("locale"), rs.getString("subject"), rs.getString("status"), rs.getInt("attempts"),
				rs.getString("last_error"), instant(rs.getObject("created_at", OffsetDateTime.class)),
				instant(rs.getObject("next_attempt_at", OffsetDateTime.class)),
				instant(rs.getObject("sent_at", OffsetDateTime.class)))).list();
	}

	public static int pageSize() {
		return PAGE;
	}

	@Transactional(readOnly = true)
	public Optional<OutboxMessage> find(long id) {
		return jdbc.sql("select id, kind, recipient, locale, subject, status, attempts, last_error, created_at,"
				+ " next_attempt_at, sent_at, body_text, body_html from mail_outbox where id = :id")
			.param("id", id)
			.query((rs, n) -> new OutboxMessage(rs.getLong("id"), rs.getString("kind"), rs.getString("recipient"),
					rs.getString("locale"), rs.getString("subject"), rs.getString("status"), rs.getInt("attempts"),
					rs.getString("last_error"), instant(rs.getObject("created_at", OffsetDateTime.class)),
					instant(rs.getObject("next_attempt_at", OffsetDateTime.class)),
					instant(rs.getObject("sent_at", OffsetDateTime.class)), rs.getString("body_text"),
					rs.getString("body_html")))
			.optional();
	}

	/** A failed message goes back to the queue with a fresh set of attempts; answers whether it did. */
	@Transactional
	public boolean retry(long id) {
		return jdbc.sql("update mail_outbox set status = 'PENDING', attempts = 0, next_attempt_at = :now"
				+ " where id = :id and status = 'FAILED'")
			.param("now", OffsetDateTime.now(clock)).param("id", id).update() == 1;
	}

	/** Queues a test message to an address, to check the mail settings. */
	@Transactional
	public void sendTest(String address, Locale locale) {
		outbox.send(new Notification("test", address, locale, "test-message", Map.of(), null));
	}

	private static Instant instant(OffsetDateTime at) {
		return at == null ? null : at.toInstant();
	}
}
