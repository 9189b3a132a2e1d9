package kz.oqytu.training;

/** Only HELD events count as training. */
public enum EventStatus {
	PLANNED, HELD, CANCELLED
}
