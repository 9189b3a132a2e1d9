package kz.oqytu.reports;

import kz.oqytu.shared.Percent;

/**
 * Coverage of one primary organization: people trained from it over its members, at most 100%
 * (everyone at an on-site event without a named list counts for its host, though some may come from
 * elsewhere). Null without a membership figure.
 */
final class OrganizationCoverage {

	private OrganizationCoverage() {
	}

	static Percent of(long trained, Long members) {
		return members == null ? null : Percent.of(Math.min(trained, members), members).orElse(null);
	}
}
