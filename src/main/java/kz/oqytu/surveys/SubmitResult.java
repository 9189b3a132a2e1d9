package kz.oqytu.surveys;

import java.util.Map;

/** What became of a submitted form. Errors are message keys by question code. */
public record SubmitResult(Outcome outcome, Map<String, String> errors) {

	public enum Outcome {
		STORED, ALREADY_ANSWERED, NOT_OPEN, INVALID
	}

	public static SubmitResult of(Outcome outcome) {
		return new SubmitResult(outcome, Map.of());
	}
}
