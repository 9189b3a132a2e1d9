package kz.oqytu.accounts.domain;

/** The first administrator could not be created from the environment; the start stops. */
public class AdminBootstrapException extends RuntimeException {

	private final String action;

	AdminBootstrapException(String description, String action) {
		super(description);
		this.action = action;
	}

	public String action() {
		return action;
	}
}
