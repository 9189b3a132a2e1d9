package kz.oqytu.surveys;

import java.util.EnumSet;
import java.util.Set;

/**
 * Why an answer was flagged as suspicious. Flagged answers are stored but left out of results
 * unless the methodologist includes them. Stored as bits of {@code survey_response.flag_reasons}.
 */
public enum FlagReason {

	/** More answers to the survey than the threshold from one address with one browser string. */
	SAME_BROWSER(1),
	/** More answers to the survey from one address within a short window than a hall gives. */
	ONE_ADDRESS(2),
	/** Sent sooner after the form was opened than a person can read and answer it. */
	TOO_FAST(4),
	/** The device cookie was missing or not signed by the server. */
	NO_DEVICE(8),
	/** The form was issued to another device than the one that sent it. */
	OTHER_DEVICE(16),
	/**
	 * Sent after the survey closed from a form opened while it was open (the person was still typing,
	 * or the phone was offline): kept, left out of results like any flagged answer (decision 29).
	 */
	LATE(32);

	private final int bit;

	FlagReason(int bit) {
		this.bit = bit;
	}

	public int bit() {
		return bit;
	}

	public static int bits(Set<FlagReason> reasons) {
		int bits = 0;
		for (FlagReason reason : reasons) {
			bits |= reason.bit;
		}
		return bits;
	}

	public static Set<FlagReason> of(int bits) {
		Set<FlagReason> reasons = EnumSet.noneOf(FlagReason.class);
		for (FlagReason reason : values()) {
			if ((bits & reason.bit) != 0) {
				reasons.add(reason);
			}
		}
		return reasons;
	}
}
