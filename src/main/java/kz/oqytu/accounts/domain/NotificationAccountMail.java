package kz.oqytu.accounts.domain;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import kz.oqytu.notifications.Notification;
import kz.oqytu.notifications.Notifications;

/**
 * The accounts module's mails go through the notifications outbox, in the transaction that made the
 * link: a link whose transaction rolls back is never mailed. Templates: templates/mail/invitation and
 * templates/mail/password-reset; the link is built there from {@code publicUrl} and {@code token}.
 */
@Component
class NotificationAccountMail implements AccountMail {

	private final Notifications notifications;

	NotificationAccountMail(Notifications notifications) {
		this.notifications = notifications;
	}

	@Override
	public void invitation(long userId, String to, Locale locale, String fullName, String username, String token) {
		send("invitation", userId, to, locale, fullName, username, token);
	}

	@Override
	public void passwordReset(long userId, String to, Locale locale, String fullName, String username, String token) {
		send("password-reset", userId, to, locale, fullName, username, token);
	}

	private void send(String template, long userId, String to, Locale locale, String fullName, String username,
			String token) {
		notifications.send(new Notification(template, to, locale, template,
				Map.of("fullName", fullName, "username", username, "token", token), userId));
	}
}
