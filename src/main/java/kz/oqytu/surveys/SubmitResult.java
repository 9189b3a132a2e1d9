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
		BUSY,
		/**
		 * Sent after the survey closed from a form opened while it was open: stored, flagged
		 * {@link FlagReason#LATE} and left out of results (decision 29).
		 */
		LATE,
		/** The same answer (its submission key) was stored before: nothing stored again. */
		STORED_BEFORE
	}

	public static SubmitResult of(Outcome outcome) {
		return new SubmitResult(outcome, Map.of());
	}
}
