package kz.oqytu.accounts.domain;

/** Why a single-use link cannot be used; each has its own friendly page text. */
public enum LinkProblem {

	/** No such link (mistyped, cut off, or never made). */
	UNKNOWN,
	/** Past its time: 7 days for an invitation, 1 hour for a reset. */
	EXPIRED,
	/** Already used once. */
	USED,
	/** Replaced by a newer link, or withdrawn by an administrator. */
	REVOKED;

	public String messageKey() {
		return "links.problem." + name().toLowerCase(java.util.Locale.ROOT);
	}
}
