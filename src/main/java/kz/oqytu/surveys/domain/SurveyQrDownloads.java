package kz.oqytu.surveys.domain;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.surveys.SurveyKind;
import kz.oqytu.training.EventSummary;

/**
 * The staff download of a survey's QR code (decision 0041): the scope check on every call, what it reads
 * (the event's organizer and title, the survey's address) remembered for a few seconds on this instance
 * and forgotten when the event changes.
 */
@Component
class SurveyQrDownloads {

	private final EventSurveyPanel panel;

	SurveyQrDownloads(EventSurveyPanel panel) {
		this.panel = panel;
	}

	/** What a staff download of a QR code read, and when (decision 0041). */
	private record QrEntry(String organizerPath, kz.oqytu.surveys.QrDownload download, long readAt) {
	}

	/** How long a read of a QR download is used: the longest a changed organizer or title goes unseen. */
	static final long QR_DOWNLOAD_TTL_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

	/** QR downloads by event and kind, read within {@link #QR_DOWNLOAD_TTL_NANOS}; at most 2 000. */
	private final kz.oqytu.shared.BoundedCache<String, QrEntry> qrDownloads = new kz.oqytu.shared.BoundedCache<>(2_000);

	public kz.oqytu.surveys.QrDownload qrDownload(CurrentUser user, long eventId, SurveyKind kind) {
		if (!user.isStaff()) {
			throw new AccessDeniedException("staff only");
		}
		String key = eventId + "|" + kind.name();
		long now = System.nanoTime();
		QrEntry entry = qrDownloads.get(key, k -> null);
		if (entry == null || now - entry.readAt() > QR_DOWNLOAD_TTL_NANOS) {
			// read as the uncached way does: the scope check (which reads the event) and the survey's address
			EventSummary event = panel.readable(user, eventId);
			String url = panel.urlOfReadable(user, eventId, kind);
			entry = new QrEntry(event.organizerPath(), new kz.oqytu.surveys.QrDownload(url,
					event.startsAt().toLocalDate(), event.titleKk(), event.titleRu()), now);
			qrDownloads.put(key, entry);
		}
		// the scope check of every request, on what was read (the user comes from the request's session)
		if (!user.covers(entry.organizerPath())) {
			throw new AccessDeniedException("event " + eventId + " is outside the user's scope");
		}
		return entry.download();
	}

	/** An event changed (organizer, title, date, status): its QR downloads are read again on this instance. */
	@org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
	void on(kz.oqytu.training.TrainingFiguresChanged changed) {
		for (SurveyKind kind : SurveyKind.values()) {
			qrDownloads.remove(changed.eventId() + "|" + kind.name());
		}
	}
}
