package kz.oqytu.notifications.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import kz.oqytu.notifications.MailAttachment;
import kz.oqytu.notifications.Notification;
import kz.oqytu.notifications.Notifications;
import kz.oqytu.notifications.OnceOnlyNotifications;

/**
 * The outbox (decision 0025): a message is rendered now and written in the caller's transaction,
 * so it exists exactly when the change that caused it is committed; the sending job sends it.
 */
@Service
public class Outbox implements Notifications, OnceOnlyNotifications {

	private final JdbcClient jdbc;

	private final MailRenderer renderer;

	private final Clock clock;

	Outbox(JdbcClient jdbc, MailRenderer renderer, Clock clock) {
		this.jdbc = jdbc;
		this.renderer = renderer;
		this.clock = clock;
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public void send(Notification notification) {
		enqueue(notification, null, List.of());
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public boolean sendOnce(String key, Notification notification, List<MailAttachment> attachments) {
		if (!StringUtils.hasText(key)) {
			throw new IllegalArgumentException("A once-only message needs a key");
		}
		return enqueue(notification, key, attachments == null ? List.of() : attachments);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean alreadySent(String key) {
		return jdbc.sql("select exists (select 1 from mail_outbox where dedup_key = :key)").param("key", key)
			.query(Boolean.class).single();
	}

	/**
	 * Writes a message unless one with the same {@code dedupKey} exists (a reminder already sent);
	 * answers whether it was written.
	 */
	private boolean enqueue(Notification n, String dedupKey, List<MailAttachment> attachments) {
		if (n == null || !StringUtils.hasText(n.to()) || !StringUtils.hasText(n.kind())) {
			throw new IllegalArgumentException("A notification needs a kind and an address");
		}
		Locale locale = n.locale() == null ? MailRenderer.DEFAULT_LOCALE : n.locale();
		MailRenderer.RenderedMail mail = renderer.render(n.template(), locale, n.variables());
		OffsetDateTime now = OffsetDateTime.now(clock);
		KeyHolder keys = new GeneratedKeyHolder();
		int inserted = jdbc.sql("""
				insert into mail_outbox (kind, dedup_key, recipient, locale, template, subject, body_text, body_html,
				    user_id, status, attempts, next_attempt_at, created_at)
				values (:kind, :dedup, :to, :locale, :template, :subject, :text, :html, :user, 'PENDING', 0, :now, :now)
				on conflict (dedup_key) do nothing""")
			.param("kind", n.kind())
			.param("dedup", dedupKey)
			.param("to", n.to().trim())
			.param("locale", locale.toLanguageTag())
			.param("template", n.template())
			.param("subject", mail.subject())
			.param("text", mail.text())
			.param("html", mail.html())
			.param("user", n.userId())
			.param("now", now)
			.update(keys, "id");
		if (inserted == 0) {
			return false;
		}
		long id = keys.getKey().longValue();
		for (MailAttachment a : attachments) {
			jdbc.sql("""
					insert into mail_outbox_attachment (outbox_id, file_name, content_type, content_id, bytes)
					values (:id, :name, :type, :cid, :bytes)""")
				.param("id", id)
				.param("name", a.fileName())
				.param("type", a.contentType())
				.param("cid", a.contentId())
				.param("bytes", a.bytes())
				.update();
		}
		return true;
	}
}
