package kz.oqytu.notifications.domain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox's meters: backlog and failures as gauges read from the table at each scrape (so every
 * instance reports the same truth), and counters of this instance's deliveries and failed attempts.
 */
@Component
public class MailMetrics {

	private final JdbcClient jdbc;

	private final MeterRegistry meters;

	private final Counter failedAttempts;

	MailMetrics(JdbcClient jdbc, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.meters = meters;
		Gauge.builder("oqytu.mail.outbox.pending", this, m -> m.count("PENDING"))
			.description("Messages in the outbox waiting to be sent")
			.register(meters);
		Gauge.builder("oqytu.mail.outbox.failed", this, m -> m.count("FAILED"))
			.description("Messages that gave up after the last attempt, waiting for an admin's retry")
			.register(meters);
		this.failedAttempts = Counter.builder("oqytu.mail.attempts.failed")
			.description("Attempts to send a message that failed")
			.register(meters);
		sentCounter("smtp");
		sentCounter("log");
	}

	private Counter sentCounter(String via) {
		return Counter.builder("oqytu.mail.sent")
			.description("Messages delivered to the SMTP server (via=smtp) or written to the log (via=log)")
			.tag("via", via)
			.register(meters);
	}

	private double count(String status) {
		try {
			return jdbc.sql("select count(*) from mail_outbox where status = :s").param("s", status)
				.query(Long.class).single();
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

	void sent(String via) {
		sentCounter(via).increment();
	}

	void failedAttempt() {
		failedAttempts.increment();
	}
}
