package kz.oqytu.shared.db;

/** Labels a {@code @Transactional} method may carry for Oqytu's transaction manager. */
public final class Transactions {

	/**
	 * A write transaction touching no audited table (the anonymous survey answers): the audit
	 * trail's "who acts" setting ({@code oqytu.actor}) is not sent, which saves a statement on the
	 * busiest write there is. Writing an audited table in such a transaction records "system".
	 */
	public static final String UNAUDITED = "oqytu:unaudited";

	private Transactions() {
	}
}
