package kz.oqytu.shared.db;

/** PostgreSQL could not be reached or entered; the failure analyzer turns this into one paragraph. */
public class DatabaseUnavailableException extends RuntimeException {

	private final String url;

	private final String username;

	public DatabaseUnavailableException(String url, String username, Throwable cause) {
		super("PostgreSQL at " + url + " could not be reached as user " + username + ": "
				+ (cause == null ? "" : cause.getMessage()), cause);
		this.url = url;
		this.username = username;
	}

	public String url() {
		return url;
	}

	public String username() {
		return username;
	}
}
