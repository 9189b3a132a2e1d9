package kz.oqytu.surveys;

import java.util.Map;

/** What became of a submitted form. Errors are message keys by question code. */
public record SubmitResult(Outcome outcome, Map<String, String> errors) {

	public enum Outcome {
		STORED,
		ALREADY_ANSWERED,
		NOT_OPEN,
		INVALID,
		/** The form token was used for an answer already: nothing stored. */
		REPLAYED,
		/** The form token was missing, not the server's, for another survey or too old: nothing stored. */
		STALE,
		/** The survey or the device sent more than its limit a minute: nothing stored, try again. */
		BUSY
	}

	public static SubmitResult of(Outcome outcome) {
		return new SubmitResult(outcome, Map.of());
	}
}
