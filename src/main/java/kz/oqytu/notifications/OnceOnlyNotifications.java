package kz.oqytu.notifications;

import java.util.List;

/**
 * For reminders: a message that must never go twice, and files that go with it.
 */
public interface OnceOnlyNotifications {

	/**
	 * Like {@link Notifications#send}, unless a message with this key was ever written (then
	 * nothing happens); answers whether it was written. {@code key} names the reminder, its subject
	 * and recipient, e.g. "campaign-deadline:42:user:7".
	 */
	boolean sendOnce(String key, Notification notification, List<MailAttachment> attachments);

	/** Whether a message with this key was written already. */
	boolean alreadySent(String key);
}
