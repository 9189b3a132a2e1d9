package kz.oqytu.reports;

import kz.oqytu.shared.Percent;

/**
 * Coverage of one primary organization: people trained from it over its members, at most 100%
 * (everyone at an on-site event without a named list counts for its host, though some may come from
 * elsewhere). Null without a membership figure, and null while nobody is recorded for it but events
 * open to it have people not recorded by organization (decision 19): then it is not known, not 0.
 */
public final class OrganizationCoverage {

	/** How far an organization's figure is known. */
	public enum Recording {
		/** Every event open to it is recorded by organization: the figure is exact (0 means left out). */
		COMPLETE,
		/** Some are credited to it, and events open to it have people not recorded: at least this many. */
		PARTIAL,
		/** Nobody is credited to it, and events open to it have people not recorded: unknown. */
		NOT_RECORDED;

		public boolean known() {
			return this == COMPLETE;
		}
	}

	private OrganizationCoverage() {
	}

	static Recording recording(long trained, long unrecorded) {
		if (unrecorded <= 0) {
			return Recording.COMPLETE;
		}
		return trained > 0 ? Recording.PARTIAL : Recording.NOT_RECORDED;
	}

	static Percent of(long trained, long unrecorded, Long members) {
		if (members == null || recording(trained, unrecorded) == Recording.NOT_RECORDED) {
			return null;
		}
		return Percent.of(Math.min(trained, members), members).orElse(null);
	}
}
