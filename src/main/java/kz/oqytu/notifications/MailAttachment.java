package kz.oqytu.notifications;

/**
 * A file sent with a message. With a {@code contentId} it is an inline image the HTML shows as
 * {@code <img src="cid:{contentId}">}; without, an attachment.
 */
public record MailAttachment(String fileName, String contentType, String contentId, byte[] bytes) {
}
