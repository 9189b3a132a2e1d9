package kz.oqytu.checkin;

import java.util.Map;

/** The answer to a participant's entry; {@code errors} maps a field to its message key when INVALID. */
public record SubmitOutcome(Status status, Map<String, String> errors) {

	public enum Status {
		SAVED, INVALID, CLOSED, LIMITED, NOT_FOUND
	}

	public static SubmitOutcome of(Status status) {
		return new SubmitOutcome(status, Map.of());
	}
}
