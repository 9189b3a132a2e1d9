package kz.oqytu.checkin;

import java.time.LocalDateTime;

/** An event's check-in as staff see it: its public address and code, and when it closes. */
public record CheckinView(long eventId, String code, String url, LocalDateTime closesAt, boolean open) {
}
