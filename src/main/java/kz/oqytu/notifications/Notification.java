package kz.oqytu.notifications;

/**
 * One message to one address. {@code template} names {@code templates/mail/{template}.html} and
 * {@code .txt}, rendered at once in {@code locale} (null: Kazakh) with {@code variables} plus
 * {@code publicUrl} (OQYTU_PUBLIC_URL without a trailing slash); the subject is the message
 * {@code mail.{template}.subject}, where {@code {name}} stands for the variable {@code name}.
 * The templates also see {@code subject}.
 * {@code kind} groups messages on the outbox page (e.g. "invitation"); {@code userId} is the
 * recipient's account when there is one (null otherwise).
 */
public record Notification(String kind, String to, java.util.Locale locale, String template,
		java.util.Map<String, Object> variables, Long userId) {
}
