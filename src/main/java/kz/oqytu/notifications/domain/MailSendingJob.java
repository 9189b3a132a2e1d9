package kz.oqytu.notifications.domain;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.interceptor.RuleBasedTransactionAttribute;
import org.springframework.transaction.support.TransactionTemplate;

import kz.oqytu.shared.db.Transactions;

/**
 * Sends what the outbox holds (decision 0025). Each message is claimed with {@code FOR UPDATE SKIP
 * LOCKED} in a transaction of its own, so any number of runs and instances share the work and none
 * sends a message twice. A failed attempt waits {@code retry-base × 2^(attempts-1)} (at most
 * {@code retry-max}); after {@code max-attempts} the message is FAILED and waits for an admin's retry.
 * Without SMTP (no {@code spring.mail.host}) each message is written to the log and marked LOGGED.
 */
@Component
public class MailSendingJob {

	private static final Logger log = LoggerFactory.getLogger(MailSendingJob.class);

	private static final int BATCH = 100;

	private final JdbcClient jdbc;

	private final ObjectProvider<JavaMailSender> senders;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final MailMetrics metrics;

	private final String from;

	private final int maxAttempts;

	private final Duration retryBase;

	private final Duration retryMax;

	MailSendingJob(JdbcClient jdbc, ObjectProvider<JavaMailSender> senders, PlatformTransactionManager transactionManager,
			Clock clock, MailMetrics metrics, @Value("${oqytu.mail.from}") String from,
			@Value("${oqytu.mail.max-attempts:8}") int maxAttempts,
			@Value("${oqytu.mail.retry-base:PT1M}") Duration retryBase,
			@Value("${oqytu.mail.retry-max:PT6H}") Duration retryMax) {
		this.jdbc = jdbc;
		this.senders = senders;
		this.clock = clock;
		this.metrics = metrics;
		this.from = from;
		this.maxAttempts = Math.max(1, maxAttempts);
		this.retryBase = retryBase;
		this.retryMax = retryMax;
		RuleBasedTransactionAttribute attribute = new RuleBasedTransactionAttribute();
		attribute.setLabels(List.of(Transactions.UNAUDITED));
		this.transactions = new TransactionTemplate(transactionManager, attribute);
	}

	/** Whether messages go out over SMTP (otherwise they are logged). */
	public boolean smtpConfigured() {
		return senders.getIfAvailable() != null;
	}

	@Scheduled(fixedDelayString = "${oqytu.mail.poll-interval:PT15S}",
			initialDelayString = "${oqytu.mail.initial-delay:PT20S}")
	public void run() {
		sendDue();
	}

	/**
	 * Sends the messages that are due, until none is left or an attempt fails (the server is probably
	 * away: the rest wait for the next run); answers how many went out.
	 */
	public int sendDue() {
		int done = 0;
		while (done < BATCH) {
			Boolean outcome = transactions.execute(status -> sendOne());
			if (outcome == null) {
				break;
			}
			if (!outcome) {
				break;
			}
			done++;
		}
		return done;
	}

	/** Null: nothing due; true: sent or logged; false: the attempt failed. */
	private Boolean sendOne() {
		OffsetDateTime now = OffsetDateTime.now(clock);
		Map<String, Object> row = jdbc.sql("""
				select id, kind, recipient, locale, subject, body_text, body_html, attempts from mail_outbox
				where status = 'PENDING' and next_attempt_at <= :now
				order by next_attempt_at, id limit 1 for update skip locked""")
			.param("now", now)
			.query().listOfRows().stream().findFirst().orElse(null);
		if (row == null) {
			return null;
		}
		long id = ((Number) row.get("id")).longValue();
		int attempts = ((Number) row.get("attempts")).intValue() + 1;
		JavaMailSender sender = senders.getIfAvailable();
		if (sender == null) {
			log.info("Mail not sent (no SMTP server configured: spring.mail.host), kept on the outbox page #{}:"
					+ "\nTo: {}\nSubject: {}\n\n{}", id, row.get("recipient"), row.get("subject"), row.get("body_text"));
			jdbc.sql("update mail_outbox set status = 'LOGGED', attempts = :a, sent_at = :now, last_error = null where id = :id")
				.param("a", attempts).param("now", now).param("id", id).update();
			metrics.sent("log");
			return true;
		}
		try {
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
					StandardCharsets.UTF_8.name());
			helper.setFrom(from);
			helper.setTo((String) row.get("recipient"));
			helper.setSubject((String) row.get("subject"));
			helper.setText((String) row.get("body_text"), (String) row.get("body_html"));
			List<Map<String, Object>> files = jdbc.sql("""
					select file_name, content_type, content_id, bytes from mail_outbox_attachment
					where outbox_id = :id order by id""").param("id", id).query().listOfRows();
			for (Map<String, Object> file : files) {
				ByteArrayResource bytes = new ByteArrayResource((byte[]) file.get("bytes"));
				if (file.get("content_id") != null) {
					helper.addInline((String) file.get("content_id"), bytes, (String) file.get("content_type"));
				}
				else {
					helper.addAttachment((String) file.get("file_name"), bytes, (String) file.get("content_type"));
				}
			}
			message.setHeader("Content-Language", (String) row.get("locale"));
			message.setHeader("X-Oqytu-Outbox-Id", Long.toString(id));
			sender.send(message);
		}
		catch (Exception ex) {
			boolean last = attempts >= maxAttempts;
			String error = describe(ex);
			log.warn("Mail #{} to {} not sent (attempt {} of {}): {}", id, row.get("recipient"), attempts, maxAttempts, error);
			jdbc.sql("""
					update mail_outbox set attempts = :a, last_error = :error, status = :status, next_attempt_at = :next
					where id = :id""")
				.param("a", attempts)
				.param("error", error.length() > 2000 ? error.substring(0, 2000) : error)
				.param("status", last ? "FAILED" : "PENDING")
				.param("next", now.plus(backOff(attempts)))
				.param("id", id)
				.update();
			metrics.failedAttempt();
			return false;
		}
		jdbc.sql("update mail_outbox set status = 'SENT', attempts = :a, sent_at = :now, last_error = null where id = :id")
			.param("a", attempts).param("now", now).param("id", id).update();
		metrics.sent("smtp");
		return true;
	}

	/** The wait after the given number of failed attempts: base, 2 × base, 4 × base … at most retry-max. */
	Duration backOff(int attempts) {
		int doublings = Math.min(Math.max(attempts - 1, 0), 30);
		Duration wait = retryBase.multipliedBy(1L << doublings);
		return wait.compareTo(retryMax) > 0 ? retryMax : wait;
	}

	private static String describe(Throwable ex) {
		StringBuilder text = new StringBuilder();
		for (Throwable t = ex; t != null && text.length() < 1500; t = t.getCause() == t ? null : t.getCause()) {
			if (!text.isEmpty()) {
				text.append(" ← ");
			}
			text.append(t.getClass().getSimpleName());
			if (t.getMessage() != null) {
				text.append(": ").append(t.getMessage().strip());
			}
		}
		return text.toString();
	}
}
