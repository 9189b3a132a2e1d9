package kz.oqytu.notifications;

/** Sends mail to people: the one door other modules use. */
public interface Notifications {

	/** Writes the message to the outbox in the caller's transaction; a job sends it (or logs it when no SMTP is configured). */
	void send(Notification notification);
}
