package kz.oqytu.materials;

import java.time.Instant;
import java.time.LocalDate;

/** One version as one organization received it: when it was sent, with which note, and what the chair did. */
public record Delivery(LocalDate sentOn, String note, Instant downloadedAt, Instant acknowledgedAt) {

	public DeliveryStatus status() {
		return acknowledgedAt != null ? DeliveryStatus.ACKNOWLEDGED
				: downloadedAt != null ? DeliveryStatus.DOWNLOADED : DeliveryStatus.SENT;
	}
}
