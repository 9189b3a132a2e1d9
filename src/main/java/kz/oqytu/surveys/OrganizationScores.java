package kz.oqytu.surveys;

import java.math.BigDecimal;

/**
 * What the surveys of one year say about one primary organization, for the monitoring page: the
 * responses that named it (flagged ones left out), the average usefulness after events and the
 * average practical use in follow-ups, each null below the anonymity threshold, and the interviews
 * held with it that year.
 */
public record OrganizationScores(long organizationId, long responses, BigDecimal usefulness,
		BigDecimal practicalUse, int interviews) {

	public static OrganizationScores none(long organizationId) {
		return new OrganizationScores(organizationId, 0, null, null, 0);
	}
}
