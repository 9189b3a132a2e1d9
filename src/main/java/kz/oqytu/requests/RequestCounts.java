package kz.oqytu.requests;

/** An organization's requests for a year by status. */
public record RequestCounts(long organizationId, int submitted, int planned, int held, int declined) {

	public int total() {
		return submitted + planned + held + declined;
	}
}
